package org.clientclub.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void writesCopyTextWithEscapesAndUtf8() {
        CopyRows rows = new CopyRows(4);
        byte[] value = "--a\\b\tc\nd\reОткрытки 😀--".getBytes(StandardCharsets.UTF_8);

        rows.number(-42).tab().number(0).tab().number(Long.MAX_VALUE).tab().escaped(value, 2, value.length - 4).endRow();
        rows.escaped(new byte[] {'x'}, 0, 1).endRow();

        String written = new String(Arrays.copyOf(rows.bytes(), rows.length()), StandardCharsets.UTF_8);
        assertThat(written).isEqualTo("-42\t0\t9223372036854775807\ta\\\\b\\tc\\nd\\reОткрытки 😀\nx\n");
        assertThat(rows.rows()).isEqualTo(2);
    }
}
