package org.clientclub.loyalty.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void writesCopyTextWithEscapesAndUtf8() {
        CopyRows rows = new CopyRows(4);
        byte[] value = "--a\\b\tc\nd\reОткрытки 😀--".getBytes(StandardCharsets.UTF_8);

        rows.number(-42)
                .tab()
                .number(0)
                .tab()
                .number(Long.MAX_VALUE)
                .tab()
                .escaped(value, 2, value.length - 4)
                .endRow();
        rows.escaped(new byte[] {'x'}, 0, 1).endRow();

        String written = new String(Arrays.copyOf(rows.bytes(), rows.length()), StandardCharsets.UTF_8);
        assertThat(written).isEqualTo("-42\t0\t9223372036854775807\ta\\\\b\\tc\\nd\\reОткрытки 😀\nx\n");
        assertThat(rows.rows()).isEqualTo(2);
    }

    @Test
    void writesEveryNumberOfDigits() {
        long[] values = {
            0,
            7,
            9,
            10,
            99,
            100,
            101000,
            999_999,
            1_000_000,
            123_456_789_012L,
            999_999_999_999_999_999L,
            1_000_000_000_000_000_000L,
            Long.MIN_VALUE
        };
        CopyRows rows = new CopyRows(1);
        for (long value : values) {
            rows.number(value).tab();
        }
        StringBuilder expected = new StringBuilder();
        for (long value : values) {
            expected.append(value).append('\t');
        }
        assertThat(new String(rows.bytes(), 0, rows.length(), StandardCharsets.US_ASCII))
                .isEqualTo(expected.toString());
    }
}
