package org.clientclub.mail.internal.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words, decoded the way mail readers do rather than the way the RFC asks: also inside quoted
 * parameters (Outlook's file names), also glued to other text, and with adjacent words of one charset joined
 * before decoding, because mailers split a UTF-8 character across two words.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*?)\\?=");

    private EncodedWords() {}

    static String decode(String text) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        boolean previousWasWord = false;
        while (m.find()) {
            String gap = text.substring(last, m.start());
            // Whitespace between two encoded words is folding, not text (RFC 2047 section 6.2).
            if (!(previousWasWord && gap.isBlank())) {
                pendingCharset = flush(out, pending, pendingCharset);
                out.append(gap);
            }
            String charset = m.group(1);
            int language = charset.indexOf('*'); // RFC 2231 section 5: charset*language
            if (language >= 0) {
                charset = charset.substring(0, language);
            }
            byte[] bytes = "bB".indexOf(m.group(2).charAt(0)) >= 0 ? base64(m.group(3)) : q(m.group(3));
            if (pendingCharset != null && !pendingCharset.equalsIgnoreCase(charset)) {
                pendingCharset = flush(out, pending, pendingCharset);
            }
            pendingCharset = charset;
            pending.writeBytes(bytes);
            last = m.end();
            previousWasWord = true;
        }
        flush(out, pending, pendingCharset);
        out.append(text, last, text.length());
        return out.toString();
    }

    private static String flush(StringBuilder out, ByteArrayOutputStream pending, String charsetName) {
        if (charsetName != null) {
            byte[] bytes = pending.toByteArray();
            Charset charset = CharsetGuess.forName(charsetName);
            out.append(CharsetGuess.decode(bytes, charset));
            pending.reset();
        }
        return null;
    }

    /** Base64 that skips what is not base64 and tolerates missing padding. */
    static byte[] base64(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4 + 3);
        int quantum = 0;
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = LenientBase64InputStream.value(text.charAt(i));
            if (v < 0) {
                continue;
            }
            quantum = (quantum << 6) | v;
            if (++count == 4) {
                out.write(quantum >> 16);
                out.write(quantum >> 8);
                out.write(quantum);
                quantum = 0;
                count = 0;
            }
        }
        if (count == 2) {
            out.write(quantum >> 4);
        } else if (count == 3) {
            out.write(quantum >> 10);
            out.write(quantum >> 2);
        }
        return out.toByteArray();
    }

    private static byte[] q(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '='
                    && i + 2 < text.length()
                    && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else if (c <= 0xFF) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    static int hex(char c) {
        return Character.digit(c, 16);
    }
}
