package org.clientclub.loyalty.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.clientclub.loyalty.CardNumber;

/** The card's EAN-13 barcode, which tills scan, and a QR code of the same number, as PNG data URIs. */
public final class CardImages {

    private CardImages() {}

    public static String barcode(CardNumber number) {
        return dataUri(barcodeMatrix(number));
    }

    /** The same barcode as a PNG file. */
    public static byte[] barcodePng(CardNumber number) {
        return png(barcodeMatrix(number));
    }

    private static BitMatrix barcodeMatrix(CardNumber number) {
        return new EAN13Writer().encode(number.value(), BarcodeFormat.EAN_13, 380, 120);
    }

    public static String qrCode(CardNumber number) {
        return dataUri(qrCodeMatrix(number));
    }

    /** The same QR code as a PNG file. */
    public static byte[] qrCodePng(CardNumber number) {
        return png(qrCodeMatrix(number));
    }

    private static BitMatrix qrCodeMatrix(CardNumber number) {
        try {
            return new QRCodeWriter()
                    .encode(number.value(), BarcodeFormat.QR_CODE, 200, 200, Map.of(EncodeHintType.MARGIN, 1));
        } catch (WriterException e) {
            throw new IllegalStateException("A 13-digit number always fits a QR code", e);
        }
    }

    static byte[] png(BitMatrix matrix) {
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dataUri(BitMatrix matrix) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(matrix));
    }
}
