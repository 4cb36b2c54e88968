package org.clientclub.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.clientclub.loyalty.CardNumber;
import org.junit.jupiter.api.Test;

class CardImagesTest {

    @Test
    void drawsTheBarcodeAndTheQrCodeAsPngs() throws IOException {
        CardNumber number = CardNumber.ofSequence(42);

        BufferedImage barcode = decode(CardImages.barcode(number));
        BufferedImage qr = decode(CardImages.qrCode(number));

        assertThat(barcode.getWidth()).isEqualTo(380);
        assertThat(barcode.getHeight()).isEqualTo(120);
        assertThat(qr.getWidth()).isEqualTo(200);
        long dark = 0;
        for (int x = 0; x < barcode.getWidth(); x++) {
            dark += (barcode.getRGB(x, 60) & 0xFFFFFF) == 0 ? 1 : 0;
        }
        assertThat(dark).as("bars across the middle").isBetween(100L, 280L);
    }

    private static BufferedImage decode(String dataUri) throws IOException {
        assertThat(dataUri).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
