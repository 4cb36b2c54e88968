package org.clientclub.ideas.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.clientclub.ideas.IdeaRules;

/**
 * Uploaded photos become images of the club's own making: recognised by their content (JPEG or PNG, whatever the
 * file was called), refused when too large in bytes or in pixels before anything is decoded (a small file can
 * announce a gigapixel image), decoded with subsampling so the memory one photo takes is bounded, scaled to at most
 * {@value #MAX_SIDE} pixels a side and written anew as JPEG. Nothing of the upload is kept: no metadata (place,
 * camera, owner), no trailing bytes, no second image.
 */
final class Photos {

    static final int MAX_SIDE = 1600;
    /** More pixels than any phone camera takes; beyond, a file is refused unread. */
    static final long MAX_PIXELS = 50_000_000L;
    /** Decoding stops at about twice the output size, whatever the source (at most 3200² pixels, 40 MB). */
    private static final int MAX_DECODED_SIDE = 2 * MAX_SIDE;

    private static final Set<String> FORMATS = Set.of("jpeg", "png");

    /** A photo as the club keeps it. */
    record Photo(byte[] jpeg, int width, int height) {}

    /** Why a file is not taken, as the message key of the reason. */
    static final class Refused extends Exception {
        private final String reasonKey;

        Refused(String reasonKey) {
            super(reasonKey, null, false, false);
            this.reasonKey = reasonKey;
        }

        String reasonKey() {
            return reasonKey;
        }
    }

    private Photos() {}

    static Photo clean(byte[] upload) throws Refused {
        if (upload.length > IdeaRules.MAX_PHOTO_BYTES) {
            throw new Refused("ideas.refused.photoTooLarge");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = readerFor(in).orElseThrow(() -> new Refused("ideas.refused.photoNotAnImage"));
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    throw new Refused("ideas.refused.photoDimensions");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.max(width, height) / (double) MAX_DECODED_SIDE);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return encode(scaled(reader.read(0, param)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // A truncated or broken image, or one ImageIO cannot decode (CMYK JPEG and the like).
            throw new Refused("ideas.refused.photoUnreadable");
        }
    }

    private static Optional<ImageReader> readerFor(ImageInputStream in) throws IOException {
        if (in == null) {
            return Optional.empty();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                return Optional.of(reader);
            }
        }
        return Optional.empty();
    }

    /** On white, so a PNG's transparency does not turn black in the JPEG. */
    private static BufferedImage scaled(BufferedImage source) {
        double factor = Math.min(1.0, MAX_SIDE / (double) Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static Photo encode(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return new Photo(bytes.toByteArray(), image.getWidth(), image.getHeight());
    }
}
