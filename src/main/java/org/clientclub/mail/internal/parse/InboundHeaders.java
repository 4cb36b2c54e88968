package org.clientclub.mail.internal.parse;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimePart;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the headers of an inbound message or part for {@link InboundParser}: never throwing, an unreadable header
 * is a missing one.
 */
final class InboundHeaders {

    /** Headers of which at least one must be there for the input to count as a message at all. */
    static final List<String> ENVELOPE_HEADERS = List.of(
            "From",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "MIME-Version",
            "Content-Type",
            "Received",
            "Return-Path",
            "Reply-To",
            "Sender");

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"(),;:\\[\\]]+@[^\\s<>\"(),;:\\[\\]]+");
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    /** A References header longer than this is not read: a thread needs a few ids, not a megabyte of them. */
    private static final int MAX_REFERENCES_CHARS = 20_000;

    private InboundHeaders() {}

    static String header(MimePart part, String name) {
        try {
            return part.getHeader(name, null);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    static String[] allHeaders(MimePart part, String name) {
        try {
            return part.getHeader(name);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The message ids of a References header, oldest first, without angle brackets. */
    static List<String> references(String header) {
        if (header == null || header.length() > MAX_REFERENCES_CHARS) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** An unstructured header's text: unfolded, raw 8-bit bytes decoded; RFC 2047 words still encoded. */
    static String headerText(String header) {
        return header == null ? null : CharsetGuess.redecodeRawHeader(HeaderValue.unfold(header));
    }

    static String address(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                String value = address.getAddress();
                // A display name that breaks the syntax (an unclosed bracket, a quote) leaves the lenient parser
                // with "name <addr" as the address: only a bare address counts, else the search below finds it.
                if (value != null && ADDRESS.matcher(value.trim()).matches()) {
                    return value.trim();
                }
            }
        } catch (AddressException | RuntimeException e) {
            // fall through to the plain search below
        }
        Matcher m = ADDRESS.matcher(header);
        return m.find() ? m.group() : null;
    }

    static String baseType(String value, boolean missing) {
        if (missing) {
            return "text/plain"; // RFC 2045's default
        }
        String token = value.split("[\\s;]", 2)[0];
        return token.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+") ? token : "application/octet-stream";
    }

    /** A file name a person can be shown: no folders (Windows mailers send full paths), no control characters. */
    static String fileName(String decoded) {
        if (decoded == null) {
            return null;
        }
        String name = decoded.substring(Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\')) + 1);
        name = oneLine(name);
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        return name.isEmpty() ? null : name;
    }

    /** Apple Mail sends decomposed letters (й as и + breve); staff search for the composed ones. */
    static String oneLine(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        return composed.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ")
                .replaceAll(" {2,}", " ")
                .trim();
    }
}
