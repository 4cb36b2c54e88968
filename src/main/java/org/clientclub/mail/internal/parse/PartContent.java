package org.clientclub.mail.internal.parse;

import static org.clientclub.mail.internal.parse.InboundParser.PART_UNREADABLE;
import static org.clientclub.mail.internal.parse.InboundParser.UNKNOWN_ENCODING;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content of an inbound part for {@link InboundParser}: its raw bytes as a window into the original message,
 * its transfer encoding undone by hand, and reading it within a limit. What goes wrong is added to the parse's
 * problems instead of thrown.
 */
final class PartContent {

    // The parser's logger: whoever debugs inbound mail turns on one category.
    private static final Logger log = LoggerFactory.getLogger(InboundParser.class);

    static final Set<String> IDENTITY_ENCODINGS = Set.of("", "7bit", "8bit", "binary");

    private PartContent() {}

    /** The decoded content; an unknown transfer encoding is read as it is and noted. */
    static InputStream decoded(MimePart part, String encoding, Set<String> problems) throws MessagingException {
        InputStream raw = rawStream(part);
        switch (encoding) {
            case "base64":
                return new LenientBase64InputStream(raw);
            case "quoted-printable", "uuencode", "x-uuencode", "x-uue":
                return MimeUtility.decode(raw, encoding);
            default:
                if (!IDENTITY_ENCODINGS.contains(encoding)) {
                    problems.add(UNKNOWN_ENCODING);
                }
                return raw;
        }
    }

    /** Reads at most {@code keep} bytes; beyond that only counts, keeping the prefix if asked. */
    static Read read(InputStream in, long keep, boolean keepPrefix, Set<String> problems) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) Math.max(0, Math.min(keep, 64 * 1024)));
        byte[] chunk = new byte[64 * 1024];
        long size = 0;
        boolean cut = false;
        try (in) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (!cut) {
                    long fits = Math.max(0, Math.min(n, keep - size));
                    buffer.write(chunk, 0, (int) fits);
                    if (fits < n) {
                        cut = true;
                        if (keepPrefix) {
                            return new Read(buffer.toByteArray(), size + n, true);
                        }
                        buffer = null;
                    }
                }
                size += n;
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Inbound part cut short", e);
            problems.add(PART_UNREADABLE);
        }
        return new Read(cut ? null : buffer.toByteArray(), size, cut);
    }

    record Read(byte[] data, long size, boolean cut) {}

    /** The raw (still transfer-encoded) content of a part, as a window into the original bytes. */
    static InputStream rawStream(MimePart part) throws MessagingException {
        if (part instanceof MimeBodyPart body) {
            return body.getRawInputStream();
        }
        return ((MimeMessage) part).getRawInputStream();
    }

    /**
     * A multipart's content for Jakarta's multipart parser, with a content type rebuilt from the leniently parsed
     * one: Jakarta parses the type again and would fail on what the lenient parser forgave.
     */
    record PartSource(MimePart part, String type, String boundary) implements DataSource {

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return rawStream(part);
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read only");
        }

        @Override
        public String getContentType() {
            if (boundary == null || boundary.isEmpty()) {
                return type;
            }
            return type + "; boundary=\"" + boundary.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        @Override
        public String getName() {
            return "part";
        }
    }

    /** Whether the start of some bytes reads as a header line, as a message's does. */
    static boolean looksLikeMessage(byte[] start) {
        String head = new String(start, StandardCharsets.ISO_8859_1);
        return head.matches("(?s)\\s*[A-Za-z0-9-]+:.*");
    }
}
