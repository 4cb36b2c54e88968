package org.clientclub.loyalty.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How many lines an import expects, from the start of its file. */
class ExpectedLinesTest {

    @Test
    void aWholeFileIsCountedExactlyWithOrWithoutItsLastLineBreak() {
        assertThat(TillExportReader.expectedLines(bytes("header\na\nb\n"), 11)).isEqualTo(2);
        assertThat(TillExportReader.expectedLines(bytes("header\na\nb"), 10)).isEqualTo(2);
        assertThat(TillExportReader.expectedLines(bytes("header\n"), 7)).isZero();
        assertThat(TillExportReader.expectedLines(bytes("header"), 6)).isZero();
        assertThat(TillExportReader.expectedLines(new byte[0], 0)).isZero();
    }

    @Test
    void aLargerFileIsEstimatedFromTheLengthOfItsFirstLines() {
        // 10 lines of 10 bytes in the sample, a file of 1,000 bytes: 100 lines, the header one of them
        byte[] start = bytes("123456789\n".repeat(10));
        assertThat(TillExportReader.expectedLines(start, 1000)).isEqualTo(99);
        assertThat(TillExportReader.expectedLines(bytes("no line break yet"), 1000))
                .as("cannot be told")
                .isZero();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
