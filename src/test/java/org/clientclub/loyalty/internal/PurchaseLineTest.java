package org.clientclub.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Random;
import org.clientclub.loyalty.CardNumber;
import org.junit.jupiter.api.Test;

/** The hand-written fast path reads a usual line exactly as the general path does, and leaves the rest to it. */
class PurchaseLineTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 12, 0);
    private static final String CARD = CardNumber.ofSequence(42).value();

    @Test
    void readsAUsualLineLikeTheGeneralPath() {
        String raw = CARD + ";2026-11-20 10:15:00;101000;1234,50;postcards;R-1";

        PurchaseLine fast = PurchaseLine.parseUsual(7, raw, NOW);

        assertThat(fast).isNotNull().isEqualTo(PurchaseLine.parseAny(7, raw, NOW));
        assertThat(fast.amount()).isEqualTo(new BigDecimal("1234.50"));
        assertThat(fast.category()).isEqualTo("POSTCARDS");
    }

    @Test
    void leavesEveryUnusualOrBadLineToTheGeneralPath() {
        String wrongDigit = CARD.substring(0, 12) + ((CARD.charAt(12) - '0' + 1) % 10);
        for (String raw : new String[] {
                wrongDigit + ";2026-11-20 10:15:00;101000;500,00;GOODS;R",
                CARD + ";2099-01-01 10:00:00;101000;500,00;GOODS;R",
                CARD + ";2026-02-30 10:00:00;101000;500,00;GOODS;R",
                CARD + ";2026-11-20 24:00:00;101000;500,00;GOODS;R",
                CARD + ";20.11.2026 11:00;101000;500,00;GOODS;R",
                CARD + ";2026-11-20 10:15:00;012345;500,00;GOODS;R",
                CARD + ";2026-11-20 10:15:00;101000;1 234,50;GOODS;R",
                CARD + ";2026-11-20 10:15:00;101000;1,234.50;GOODS;R",
                CARD + ";2026-11-20 10:15:00;101000;0,00;GOODS;R",
                CARD + ";2026-11-20 10:15:00;101000;-123456789012;GOODS;R",
                CARD + ";2026-11-20 10:15:00;101000;500,001;GOODS;R",
                CARD + ";2026-11-20 10:15:00;101000;500,00; GOODS;R",
                CARD + ";2026-11-20 10:15:00;101000;500,00;Почта;R",
                CARD + ";2026-11-20 10:15:00;101000;500,00;GOODS; ",
                CARD + ";2026-11-20 10:15:00;101000;500,00;GOODS;R;extra",
                CARD + ";2026-11-20\t10:15:00;101000;500,00;GOODS;R",
                "\u0001\u0002garbage;;;;;"}) {
            assertThat(PurchaseLine.parseUsual(1, raw, NOW)).as(raw).isNull();
        }
    }

    @Test
    void agreesWithTheGeneralPathOnRandomLines() {
        Random random = new Random(7);
        String alphabet = "0123456789,.- ;:T29aZ";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder raw = new StringBuilder(CARD + ";2026-1" + random.nextInt(3) + "-" + random.nextInt(4)
                    + random.nextInt(10) + " " + random.nextInt(3) + random.nextInt(10) + ":" + random.nextInt(7)
                    + "0;" + (100000 + random.nextInt(900000)) + ";");
            for (int i = random.nextInt(8); i > 0; i--) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            raw.append(";goods;R").append(n);
            String line = raw.toString();
            PurchaseLine fast = PurchaseLine.parseUsual(n, line, NOW);
            if (fast != null) {
                assertThat(fast).as(line).isEqualTo(PurchaseLine.parseAny(n, line, NOW));
            }
        }
    }
}
