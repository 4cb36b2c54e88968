package org.clientclub.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void writesCopyTextWithEscapesAndUtf8() {
        CopyRows rows = new CopyRows(4);

        rows.number(-42).tab().number(0).tab().number(Long.MAX_VALUE).tab().text("a\\b\tc\nd\re").tab()
                .text("Открытки 1,50 ₽ \t😀\\").tab().two(7).endRow();
        rows.text("x").endRow();

        String written = new String(Arrays.copyOf(rows.bytes(), rows.length()), StandardCharsets.UTF_8);
        assertThat(written).isEqualTo("-42\t0\t9223372036854775807\ta\\\\b\\tc\\nd\\re\tОткрытки 1,50 ₽ \\t😀\\\\\t07\nx\n");
        assertThat(rows.rows()).isEqualTo(2);
    }
}
