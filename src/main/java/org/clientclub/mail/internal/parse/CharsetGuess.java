package org.clientclub.mail.internal.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Names and guesses the charset of text that arrived in mail. Russian mail still comes in KOI8-R and windows-1251,
 * often undeclared, and the texts are short (a subject, a file name), where statistical detectors are weak.
 */
final class CharsetGuess {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset KOI8_R = Charset.forName("KOI8-R");

    /** Names mailers write that Java does not know. */
    private static final Map<String, String> ALIASES = Map.of(
            "win-1251",
            "windows-1251",
            "cp-1251",
            "windows-1251",
            "windows1251",
            "windows-1251",
            "koi8",
            "KOI8-R",
            "koi-8-r",
            "KOI8-R",
            "utf8",
            "UTF-8",
            "unicode-1-1-utf-8",
            "UTF-8",
            "ansi_x3.4-1968",
            "US-ASCII");

    /** Below this many 8-bit bytes the detector's statistics say little; Russian letter case says more. */
    private static final int DETECTOR_MIN_HIGH_BYTES = 200;

    private CharsetGuess() {}

    /** The charset a name means, or null when Java does not know it. */
    static Charset forName(String name) {
        if (name == null) {
            return null;
        }
        String clean = name.trim().replace("\"", "").replace("'", "");
        if (clean.isEmpty()) {
            return null;
        }
        clean = ALIASES.getOrDefault(clean.toLowerCase(Locale.ROOT), clean);
        try {
            return Charset.forName(clean);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isUtf8(byte[] bytes, int offset, int length) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static Charset guess(byte[] bytes) {
        return guess(bytes, 0, bytes.length);
    }

    /** The most likely charset of undeclared (or wrongly declared) bytes: ASCII, UTF-8, then Russian single-byte. */
    static Charset guess(byte[] bytes, int offset, int length) {
        if (isAscii(bytes, offset, length)) {
            return StandardCharsets.US_ASCII;
        }
        if (isUtf8(bytes, offset, length)) {
            return StandardCharsets.UTF_8;
        }
        int high = 0;
        int upperHalf = 0;
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x80) {
                high++;
                if (b >= 0xC0) {
                    upperHalf++;
                }
            }
        }
        // Russian text in KOI8-R or windows-1251 puts nearly every 8-bit byte at 0xC0-0xFF (letters), in words.
        boolean looksCyrillic = upperHalf * 10 >= high * 8 && meanHighRun(bytes, offset, length) >= 2.0;
        Charset detected = detect(bytes, offset, length);
        if (looksCyrillic) {
            if (detected != null
                    && high >= DETECTOR_MIN_HIGH_BYTES
                    && (detected.equals(KOI8_R) || detected.equals(WINDOWS_1251))) {
                return detected;
            }
            return byLetterCase(bytes, offset, length);
        }
        if (detected != null && high >= DETECTOR_MIN_HIGH_BYTES / 4) {
            return detected;
        }
        // A club for Russian speakers: the most common legacy charset is the least bad answer.
        return WINDOWS_1251;
    }

    /**
     * KOI8-R puts lower-case letters at 0xC0-0xDF and capitals at 0xE0-0xFF; windows-1251 the other way round.
     * Running text is mostly lower case, so the busier half tells the charset even for a single word.
     */
    private static Charset byLetterCase(byte[] bytes, int offset, int length) {
        int c0 = 0;
        int e0 = 0;
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0xC0 && b <= 0xDF) {
                c0++;
            } else if (b >= 0xE0) {
                e0++;
            }
        }
        return c0 > e0 ? KOI8_R : WINDOWS_1251;
    }

    private static double meanHighRun(byte[] bytes, int offset, int length) {
        int runs = 0;
        int high = 0;
        boolean inRun = false;
        for (int i = offset; i < offset + length; i++) {
            boolean isHigh = bytes[i] < 0;
            if (isHigh) {
                high++;
                if (!inRun) {
                    runs++;
                }
            }
            inRun = isHigh;
        }
        return runs == 0 ? 0 : (double) high / runs;
    }

    private static Charset detect(byte[] bytes, int offset, int length) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, offset, Math.min(length, 64 * 1024));
        detector.dataEnd();
        return forName(detector.getDetectedCharset());
    }

    /**
     * A header value as Jakarta Mail read it: raw 8-bit bytes that are not UTF-8 arrive as ISO-8859-1 characters.
     * Such a string is turned back into its bytes and decoded with the guessed charset; anything else is kept.
     */
    static String redecodeRawHeader(String value) {
        if (value == null) {
            return null;
        }
        boolean eightBit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // already decoded (UTF-8 read as UTF-8)
            }
            if (c >= 0x80) {
                eightBit = true;
            }
        }
        if (!eightBit) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        return new String(bytes, guess(bytes));
    }

    /** Bytes decoded with a declared charset, unless the bytes show that the declaration is wrong or missing. */
    static String decode(byte[] bytes, Charset declared) {
        Charset charset = declared;
        if (charset == null
                || (charset.equals(StandardCharsets.US_ASCII) && !isAscii(bytes, 0, bytes.length))
                || (charset.equals(StandardCharsets.UTF_8) && !isUtf8(bytes, 0, bytes.length) && !mostlyUtf8(bytes))) {
            charset = guess(bytes);
        }
        return new String(bytes, charset);
    }

    /** UTF-8 with a few damaged bytes (a cut line, a bad forward) is still UTF-8; another charset rarely looks like it. */
    private static boolean mostlyUtf8(byte[] bytes) {
        int high = 0;
        int pairs = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x80) {
                high++;
                if (b >= 0xC2 && b <= 0xF4 && i + 1 < bytes.length && (bytes[i + 1] & 0xC0) == 0x80) {
                    pairs++;
                }
            }
        }
        return pairs * 2 * 10 >= high * 7;
    }
}
