package org.clientclub.loyalty.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Random;
import org.clientclub.loyalty.CardNumber;
import org.junit.jupiter.api.Test;

/** The fast path reads a usual line from its bytes exactly as the general path reads it, and leaves the rest to it. */
class PurchasesTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 12, 0);
    private static final String CARD = CardNumber.ofSequence(42).value();

    @Test
    void readsAUsualLineLikeTheGeneralPath() {
        String raw = CARD + ";2026-11-20 10:15:00;101000;1234,50;postcards;  R\\1 ";
        Purchases purchases = new Purchases(1);

        assertThat(readUsual(purchases, 7, raw)).isTrue();

        assertThat(purchases.size()).isEqualTo(1);
        assertThat(asLine(purchases, 0)).isEqualTo(PurchaseLine.parse(7, raw, NOW));
        assertThat(purchases.kopecks(0)).isEqualTo(123450);
        assertThat(purchases.categoryName(purchases.categoryNumber(0))).isEqualTo("POSTCARDS");
        assertThat(purchases.day(0)).isEqualTo(20261120);
        CopyRows rows = new CopyRows(8);
        purchases.receiptId(0, rows);
        assertThat(new String(rows.bytes(), 0, rows.length(), StandardCharsets.UTF_8))
                .isEqualTo("R\\\\1");
    }

    @Test
    void leavesEveryUnusualOrBadLineToTheGeneralPath() {
        String wrongDigit = CARD.substring(0, 12) + ((CARD.charAt(12) - '0' + 1) % 10);
        Purchases purchases = new Purchases(1);
        for (String raw : new String[] {
            wrongDigit + ";2026-11-20 10:15:00;101000;500,00;GOODS;R",
            CARD + ";2099-01-01 10:00:00;101000;500,00;GOODS;R",
            CARD + ";2026-11-25 12:00:01;101000;500,00;GOODS;R",
            CARD + ";2026-02-30 10:00:00;101000;500,00;GOODS;R",
            CARD + ";2026-11-20 24:00:00;101000;500,00;GOODS;R",
            CARD + ";20.11.2026 11:00;101000;500,00;GOODS;R",
            CARD + ";2026-11-20 10:15:00;012345;500,00;GOODS;R",
            CARD + ";2026-11-20 10:15:00;10100;500,00;GOODS;R",
            CARD + ";2026-11-20 10:15:00;;;;",
            CARD + ";2026-11-20 10:15:00;101000;1 234,50;GOODS;R",
            CARD + ";2026-11-20 10:15:00;101000;1,234.50;GOODS;R",
            CARD + ";2026-11-20 10:15:00;101000;0,00;GOODS;R",
            CARD + ";2026-11-20 10:15:00;101000;-250,00;GOODS;R",
            CARD + ";2026-11-20 10:15:00;101000;1234567890123;GOODS;R",
            CARD + ";2026-11-20 10:15:00;101000;500,001;GOODS;R",
            CARD + ";2026-11-20 10:15:00;101000;500,00; GOODS;R",
            CARD + ";2026-11-20 10:15:00;101000;500,00;GO\u007FODS;R",
            CARD + ";2026-11-20 10:15:00;101000;500,00;Почта;R",
            CARD + ";2026-11-20 10:15:00;101000;500,00;GOODS;Чек-1",
            CARD + ";2026-11-20 10:15:00;101000;500,00;GOODS; ",
            CARD + ";2026-11-20 10:15:00;101000;500,00;GOODS;" + "R".repeat(101),
            CARD + ";2026-11-20 10:15:00;101000;500,00;GOODS;R;extra",
            CARD + ";2026-11-20\t10:15:00;101000;500,00;GOODS;R",
            "\u0001\u0002garbage;;;;;"
        }) {
            assertThat(readUsual(purchases, 1, raw)).as(raw).isFalse();
        }
        assertThat(purchases.size()).isZero();
    }

    @Test
    void agreesWithTheGeneralPathOnRandomLines() {
        Random random = new Random(7);
        String alphabet = "0123456789,.- ;:T29aZ";
        Purchases purchases = new Purchases(16);
        int read = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder raw = new StringBuilder(CARD + ";2026-1" + random.nextInt(3) + "-" + random.nextInt(4)
                    + random.nextInt(10) + " " + random.nextInt(3) + random.nextInt(10) + ":" + random.nextInt(7)
                    + "0;" + (100000 + random.nextInt(900000)) + ";");
            for (int i = random.nextInt(8); i > 0; i--) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            raw.append(";goods;R").append(n);
            String line = raw.toString();
            if (readUsual(purchases, n, line)) {
                assertThat(asLine(purchases, purchases.size() - 1))
                        .as(line)
                        .isEqualTo(PurchaseLine.parse(n, line, NOW));
                read++;
            }
        }
        assertThat(read).as("lines the fast path read").isGreaterThan(10_000);
    }

    @Test
    void keepsAPurchaseOfTheGeneralPathWithTheSameValues() {
        PurchaseLine line =
                (PurchaseLine) PurchaseLine.parse(3, CARD + ";20.11.2026 11:00;101000;1 234,5;Почта;Чек\t1", NOW);
        Purchases purchases = new Purchases(1);

        purchases.add(line);

        assertThat(asLine(purchases, 0)).isEqualTo(line);
        CopyRows rows = new CopyRows(8);
        purchases.receiptId(0, rows);
        assertThat(new String(rows.bytes(), 0, rows.length(), StandardCharsets.UTF_8))
                .isEqualTo("Чек\\t1");
    }

    private static boolean readUsual(Purchases purchases, long lineNo, String raw) {
        byte[] bytes = ("xx" + raw + "yy").getBytes(StandardCharsets.UTF_8);
        return purchases.addUsual(bytes, 2, bytes.length - 2, lineNo, Purchases.packed(NOW));
    }

    private static PurchaseLine asLine(Purchases purchases, int i) {
        return new PurchaseLine(
                purchases.lineNo(i),
                Long.toString(purchases.card(i)),
                Purchases.unpacked(purchases.purchasedAt(i)),
                Integer.toString(purchases.postcode(i)),
                BigDecimal.valueOf(purchases.kopecks(i), 2),
                purchases.categoryName(purchases.categoryNumber(i)),
                purchases.receiptId(i));
    }
}
