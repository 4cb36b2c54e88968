package org.clientclub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Header values on their way into a log line: one line, no terminal escapes, no faked escapes, bounded. */
class LogSafeTest {

    @Test
    void lineBreaksAndControlCharactersAreEscaped() {
        assertThat(LogSafe.value("a\r\nINFO forged\tb\u001b[31m\u0000\u2028c"))
                .isEqualTo("a\\r\\nINFO forged\\tb\\u001b[31m\\u0000\\u2028c");
    }

    @Test
    void aBackslashIsDoubledSoThatAnEscapeCannotBeFaked() {
        assertThat(LogSafe.value("C:\\r\\n")).isEqualTo("C:\\\\r\\\\n");
    }

    @Test
    void ordinaryTextStaysAsItIs() {
        assertThat(LogSafe.value("Анкета в клуб <ivan@example.org>")).isEqualTo("Анкета в клуб <ivan@example.org>");
        assertThat(LogSafe.value(null)).isEqualTo("null");
    }

    @Test
    void aLongValueIsCutAndSaysHowLongItWas() {
        String cut = LogSafe.value("x".repeat(100_000));

        assertThat(cut).startsWith("x".repeat(LogSafe.MAX_CHARS)).endsWith("...(100000 chars)");
        assertThat(cut).hasSize(LogSafe.MAX_CHARS + "...(100000 chars)".length());
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String value = "x".repeat(LogSafe.MAX_CHARS - 1) + "😀" + "tail";

        assertThat(LogSafe.value(value)).startsWith("x".repeat(LogSafe.MAX_CHARS - 1) + "...(");
    }
}
