package org.clientclub.loyalty.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines split where BufferedReader splits them, whatever the reads deliver. */
class ByteLinesTest {

    @Test
    void endsLinesAtLineFeedCarriageReturnOrBoth() throws IOException {
        String text = "a;b\r\nc\rd\n\n\r\ne;ж\r\n" + ("x".repeat(10_000) + "\r\n\r").repeat(8) + "last";

        assertThat(lines(text, 1)).isEqualTo(lines(text, Integer.MAX_VALUE)).isEqualTo(bufferedReader(text));
    }

    @Test
    void aFinalLineBreakEndsTheLastLine() throws IOException {
        assertThat(lines("a\r\n", 1)).containsExactly("a");
        assertThat(lines("", 1)).isEmpty();
        assertThat(lines("\n", 1)).containsExactly("");
    }

    @Test
    void keepsOnlyTheStartOfAnEndlessLine() throws IOException {
        List<String> lines = lines("y".repeat(1_000_000) + "\nnext", 1 << 16);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(ByteLines.LIMIT);
        assertThat(lines.get(1)).isEqualTo("next");
    }

    /** Reads the text through a stream that hands out at most {@code chunk} bytes per read. */
    private static List<String> lines(String text, int chunk) throws IOException {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        ByteLines lines = new ByteLines(in);
        List<String> result = new ArrayList<>();
        while (lines.next()) {
            result.add(lines.text(StandardCharsets.UTF_8));
        }
        return result;
    }

    private static List<String> bufferedReader(String text) {
        return new BufferedReader(new StringReader(text)).lines().toList();
    }
}
