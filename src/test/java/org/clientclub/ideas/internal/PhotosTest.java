package org.clientclub.ideas.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.clientclub.ideas.IdeaRules;
import org.junit.jupiter.api.Test;

/** Uploaded photos are recognised by content, bounded before decoding, and kept only as the club's own JPEG. */
class PhotosTest {

    @Test
    void aPhotoIsKeptAsANewJpegWithoutTheUploadsMetadataOrTrailingBytes() throws Exception {
        byte[] jpeg = image("jpeg", 800, 600, BufferedImage.TYPE_INT_RGB, Color.BLUE);
        // A comment segment right after SOI (where cameras put EXIF with the place) and bytes after the image's end.
        byte[] withComment = concat(
                Arrays.copyOf(jpeg, 2),
                segment(0xFE, "GPS 55.7558 37.6173 secret-place"),
                Arrays.copyOfRange(jpeg, 2, jpeg.length),
                "<?php trailing".getBytes(StandardCharsets.US_ASCII));

        Photos.Photo photo = Photos.clean(withComment);

        assertThat(photo.width()).isEqualTo(800);
        assertThat(photo.height()).isEqualTo(600);
        String kept = new String(photo.jpeg(), StandardCharsets.ISO_8859_1);
        assertThat(kept).doesNotContain("secret-place", "<?php");
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.jpeg())).getRGB(400, 300) & 0xFF)
                .as("still blue")
                .isGreaterThan(200);
    }

    @Test
    void aLargePhotoIsScaledToSixteenHundredPixelsAndATransparentOneLandsOnWhite() throws Exception {
        Photos.Photo big = Photos.clean(image("png", 4000, 1000, BufferedImage.TYPE_INT_RGB, Color.RED));
        assertThat(big.width()).isEqualTo(1600);
        assertThat(big.height()).isEqualTo(400);

        Photos.Photo clear = Photos.clean(image("png", 50, 50, BufferedImage.TYPE_INT_ARGB, new Color(0, 0, 0, 0)));
        int rgb = ImageIO.read(new ByteArrayInputStream(clear.jpeg())).getRGB(25, 25);
        assertThat(rgb & 0xFF).as("white, not black").isGreaterThan(240);
    }

    @Test
    void aFileIsJudgedByItsContentNotItsName() {
        byte[] pdfCalledJpg =
                "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        assertRefused(pdfCalledJpg, "ideas.refused.photoNotAnImage");
        assertRefused(new byte[0], "ideas.refused.photoNotAnImage");
        assertRefused("GIF89a".getBytes(StandardCharsets.US_ASCII), "ideas.refused.photoNotAnImage");
    }

    @Test
    void anImageBombIsRefusedFromItsHeaderWithoutDecodingIt() throws Exception {
        // 60,000 × 60,000 pixels announced in a file of a few dozen bytes: 14 GB once decoded.
        assertRefused(pngHeader(60_000, 60_000), "ideas.refused.photoDimensions");
        assertRefused(pngHeader(0, 10), "ideas.refused.photoUnreadable", "ideas.refused.photoDimensions");
    }

    @Test
    void anOversizedOrBrokenFileIsRefused() throws Exception {
        assertRefused(new byte[IdeaRules.MAX_PHOTO_BYTES + 1], "ideas.refused.photoTooLarge");
        byte[] jpeg = image("jpeg", 300, 300, BufferedImage.TYPE_INT_RGB, Color.GREEN);
        assertRefused(Arrays.copyOf(jpeg, 200), "ideas.refused.photoUnreadable");
    }

    private static void assertRefused(byte[] upload, String... oneOf) {
        assertThatThrownBy(() -> Photos.clean(upload))
                .isInstanceOf(Photos.Refused.class)
                .satisfies(e -> assertThat(((Photos.Refused) e).reasonKey()).isIn((Object[]) oneOf));
    }

    private static byte[] image(String format, int width, int height, int type, Color color) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, color.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] segment(int marker, String text) {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(4 + body.length)
                .put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) (body.length + 2))
                .put(body)
                .array();
    }

    /** A PNG signature and a valid IHDR chunk, then an empty IDAT and IEND. */
    private static byte[] pngHeader(int width, int height) {
        byte[] ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .array();
        return concat(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                chunk("IHDR", ihdr),
                chunk("IDAT", new byte[0]),
                chunk("IEND", new byte[0]));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(name)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
