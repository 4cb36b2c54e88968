package org.clientclub.loyalty.internal.imports;

import java.nio.charset.StandardCharsets;

/** A batch's receipts as rows of COPY's text format for {@code loyalty_purchase}. */
final class ReceiptRows {

    private static final byte[] TAB = {'\t'};

    private ReceiptRows() {}

    static CopyRows of(long importId, Purchases purchases, int[] order, long[] points, int[] owner, Cards cards) {
        CopyRows rows = new CopyRows(order.length * 40);
        // What repeats is written once: each member's id between its tabs, and the import's id ending each row.
        byte[][] members = new byte[cards.size()][];
        byte[] end = ("\t" + importId).getBytes(StandardCharsets.US_ASCII);
        // Rows come in post office order, so an office's number is written out once for all its receipts.
        int office = -1;
        byte[] officeText = null;
        for (int i : order) {
            byte[] member = members[owner[i]];
            if (member == null) {
                member = members[owner[i]] = ("\t" + cards.member(owner[i]) + "\t").getBytes(StandardCharsets.US_ASCII);
            }
            if (purchases.postcode(i) != office) {
                office = purchases.postcode(i);
                officeText = (office + "\t").getBytes(StandardCharsets.US_ASCII);
            }
            rows.ascii(officeText);
            purchases.receiptId(i, rows);
            rows.ascii(member)
                    .number(points[i])
                    .ascii(TAB)
                    .number(purchases.kopecks(i))
                    .ascii(end)
                    .endRow();
        }
        return rows;
    }
}
