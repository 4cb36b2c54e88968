package org.clientclub.loyalty.internal.imports;

import java.util.List;

/**
 * A batch ready to book: its purchases with known cards, rated, the order to book them in (the receipts' key
 * order), that order as rows of COPY's text format, and the sums per member; the refunds; the
 * lines rejected so far.
 */
record Batch(
        Purchases purchases,
        int[] order,
        long[] points,
        int[] owner,
        Cards cards,
        CopyRows rows,
        List<MemberSum> sums,
        List<PurchaseLine> refunds,
        List<PurchaseLine.Rejected> errors,
        long firstLine,
        long lastLine,
        long lines) {}
