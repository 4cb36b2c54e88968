package org.clientclub.mail.internal.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The header fields of a raw message, read from its bytes alone: what the store needs to recognise a message
 * even when it cannot be parsed or stored. A line ends at LF (a CR alone is content, as a sender wrote it); a field
 * goes on over lines that begin with a blank; the first empty line ends the header.
 */
public final class RawHeaders {

    /**
     * Fields that the receiving side adds on the way in (RFC 5321 trace fields, RFC 8601, RFC 7208, RFC 8617, the
     * delivery headers of Postfix and Gmail): the same message delivered twice differs in these and nothing else.
     */
    private static final Set<String> TRACE = Set.of(
            "received",
            "return-path",
            "delivered-to",
            "x-original-to",
            "authentication-results",
            "received-spf",
            "arc-seal",
            "arc-message-signature",
            "arc-authentication-results",
            "x-received");

    private RawHeaders() {}

    /**
     * SHA-256 (hex) of the message without its trace fields: equal for the same message however often it is
     * delivered or fetched, different as soon as one byte that its sender wrote differs.
     */
    public static String contentSha256(byte[] raw) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int pos = 0;
        while (pos < raw.length && !emptyLine(raw, pos)) {
            int end = fieldEnd(raw, pos);
            if (!TRACE.contains(name(raw, pos, end))) {
                digest.update(raw, pos, end - pos);
            }
            pos = end;
        }
        digest.update(raw, pos, raw.length - pos);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The first field of that name, unfolded, each byte one ISO-8859-1 character; null when there is none. A CR
     * that ends no line stays: it is what the sender wrote (and what a log line must not take as a line break).
     */
    public static String field(byte[] raw, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        int pos = 0;
        while (pos < raw.length && !emptyLine(raw, pos)) {
            int end = fieldEnd(raw, pos);
            if (name(raw, pos, end).equals(wanted)) {
                String line = new String(raw, pos, end - pos, StandardCharsets.ISO_8859_1);
                return unfold(line.substring(line.indexOf(':') + 1)).replaceAll("\\r?\\n$", "");
            }
            pos = end;
        }
        return null;
    }

    /** The id inside a Message-ID header (without angle brackets), or null when it holds none. */
    public static String messageId(String header) {
        if (header == null) {
            return null;
        }
        String id = unfold(header).trim();
        int open = id.indexOf('<');
        int close = id.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            id = id.substring(open + 1, close);
        }
        id = id.replace("<", "").replace(">", "").trim();
        return id.isEmpty() ? null : id;
    }

    private static String unfold(String value) {
        return value.replaceAll("\\r?\\n(?=[ \\t])", "");
    }

    private static boolean emptyLine(byte[] raw, int pos) {
        return raw[pos] == '\n' || (raw[pos] == '\r' && pos + 1 < raw.length && raw[pos + 1] == '\n');
    }

    /** Where the field starting at {@code pos} ends: after the LF of its last line. */
    private static int fieldEnd(byte[] raw, int pos) {
        int i = pos;
        while (true) {
            while (i < raw.length && raw[i] != '\n') {
                i++;
            }
            if (i < raw.length) {
                i++;
            }
            if (i >= raw.length || (raw[i] != ' ' && raw[i] != '\t')) {
                return i;
            }
        }
    }

    private static String name(byte[] raw, int pos, int end) {
        int colon = pos;
        while (colon < end && raw[colon] != ':' && raw[colon] != '\n') {
            colon++;
        }
        return new String(raw, pos, colon - pos, StandardCharsets.ISO_8859_1)
                .trim()
                .toLowerCase(Locale.ROOT);
    }
}
