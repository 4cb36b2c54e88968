package org.clientclub.loyalty.internal.imports;

import java.util.Arrays;
import java.util.List;
import org.clientclub.loyalty.EntryReason;

/** A member's receipts in a batch, summed. */
final class MemberSum {
    final long memberId;
    final long cardId;
    long points;
    long receipts;
    long kopecks;
    long newest;

    private MemberSum(long memberId, long cardId) {
        this.memberId = memberId;
        this.cardId = cardId;
    }

    /** @return the sums of the purchases in {@code order}, in member order */
    static List<MemberSum> of(Purchases purchases, int[] order, long[] points, int[] owner, Cards cards) {
        MemberSum[] byCard = new MemberSum[cards.size()];
        for (int i : order) {
            MemberSum sum = byCard[owner[i]];
            if (sum == null) {
                sum = byCard[owner[i]] = new MemberSum(cards.member(owner[i]), cards.cardId(owner[i]));
            }
            sum.points += points[i];
            sum.receipts++;
            sum.kopecks += purchases.kopecks(i);
            sum.newest = Math.max(sum.newest, purchases.purchasedAt(i));
        }
        return Arrays.stream(byCard)
                .filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparingLong(s -> s.memberId))
                .toList();
    }

    String reason() {
        return EntryReason.receipts(receipts, kopecks);
    }
}
