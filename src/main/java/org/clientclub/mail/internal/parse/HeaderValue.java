package org.clientclub.mail.internal.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A structured header (Content-Type, Content-Disposition) read leniently: the value before the first semicolon
 * and its parameters, decoded. Jakarta Mail's own parser is strict unless JVM-wide system properties say
 * otherwise, and the mail that reaches the club breaks every rule: unquoted blanks, raw 8-bit names, RFC 2047
 * words inside quotes, RFC 2231 continuations.
 *
 * @param value      the part before the first semicolon, trimmed and lower case
 * @param parameters decoded parameter values by lower-case name, continuations joined
 */
record HeaderValue(String value, Map<String, String> parameters) {

    private static final Pattern NAME = Pattern.compile("([^*]+)(?:\\*(\\d+))?(\\*)?");

    static HeaderValue parse(String header) {
        if (header == null) {
            return new HeaderValue("", Map.of());
        }
        List<String> pieces = split(unfold(header));
        String value = pieces.get(0).trim().toLowerCase(Locale.ROOT);
        Map<String, TreeMap<Integer, Segment>> sections = new LinkedHashMap<>();
        Map<String, String> plain = new LinkedHashMap<>();
        for (String piece : pieces.subList(1, pieces.size())) {
            int eq = piece.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String rawName = piece.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String rawValue = unquote(piece.substring(eq + 1).trim());
            Matcher m = NAME.matcher(rawName);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1).trim();
            boolean extended = m.group(3) != null;
            if (m.group(2) == null && !extended) {
                plain.putIfAbsent(name, rawValue);
            } else {
                int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2).length() > 6 ? "999999" : m.group(2));
                sections.computeIfAbsent(name, k -> new TreeMap<>())
                        .putIfAbsent(index, new Segment(rawValue, extended));
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        // RFC 2231 values win over plain ones: mailers send both, and the plain one is the fallback for old readers.
        sections.forEach((name, segments) -> parameters.put(name, joinRfc2231(segments)));
        plain.forEach((name, raw) -> parameters.putIfAbsent(name, decodePlain(raw)));
        return new HeaderValue(value, Map.copyOf(parameters));
    }

    /** Joins folded header lines: a line break followed by a blank continues the header. */
    static String unfold(String header) {
        return header.replaceAll("\\r?\\n(?=[ \\t])", "").replace("\r", "").replace("\n", "");
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    private record Segment(String text, boolean extended) {}

    /** Splits at semicolons outside quotes. */
    private static List<String> split(String header) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < header.length()) {
                current.append(c);
                c = header.charAt(++i);
            } else if (c == ';' && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        pieces.add(current.toString());
        return pieces;
    }

    /**
     * Removes quotes; a backslash escapes only a quote or a backslash, because Windows mailers write paths
     * (C:\Users\...) into quoted file names without escaping them.
     */
    private static String unquote(String value) {
        if (!value.startsWith("\"")) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\')) {
                out.append(value.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String decodePlain(String raw) {
        return EncodedWords.decode(CharsetGuess.redecodeRawHeader(raw));
    }

    /** Joins name*0*, name*1, ... into bytes and decodes them with the charset the first segment names. */
    private static String joinRfc2231(TreeMap<Integer, Segment> segments) {
        Charset charset = null;
        boolean charsetGiven = false;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (Segment segment : segments.values()) {
            String text = segment.text();
            if (segment.extended()) {
                if (first) {
                    int q1 = text.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : text.indexOf('\'', q1 + 1);
                    if (q2 > 0) {
                        charsetGiven = q1 > 0;
                        charset = CharsetGuess.forName(text.substring(0, q1));
                        text = text.substring(q2 + 1);
                    }
                }
                percentDecode(text, bytes);
            } else {
                bytes.writeBytes(rawBytes(text));
            }
            first = false;
        }
        byte[] joined = bytes.toByteArray();
        String decoded = charsetGiven && charset != null
                ? CharsetGuess.decode(joined, charset)
                : CharsetGuess.decode(joined, null);
        return EncodedWords.decode(decoded);
    }

    private static void percentDecode(String text, ByteArrayOutputStream out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%'
                    && i + 2 < text.length()
                    && EncodedWords.hex(text.charAt(i + 1)) >= 0
                    && EncodedWords.hex(text.charAt(i + 2)) >= 0) {
                out.write(EncodedWords.hex(text.charAt(i + 1)) * 16 + EncodedWords.hex(text.charAt(i + 2)));
                i += 2;
            } else {
                out.writeBytes(rawBytes(String.valueOf(c)));
            }
        }
    }

    /** The bytes behind header text: characters up to 0xFF are the raw bytes Jakarta Mail read as ISO-8859-1. */
    private static byte[] rawBytes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
