package org.clientclub.loyalty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a ledger entry was booked, for people to read: a message of the bundle ({@code cards.reason.*}) and its
 * arguments. What the club books itself has a message of its own; what staff wrote (a redemption's or an
 * adjustment's reason) is {@link #STAFF_TEXT}, the text its only argument, or follows the post office where the
 * points were spent.
 */
public record EntryReason(String key, List<Object> arguments) {

    public static final String STAFF_TEXT = "cards.reason.text";

    /** Points spent at a post office: its number and what staff wrote. */
    private static final String REDEEMED = "cards.reason.redeemed";

    private static final Pattern RECEIPTS = Pattern.compile("(\\d+) receipts?, (-?\\d+(?:\\.\\d+)?) ₽");
    private static final Pattern REFUND = Pattern.compile("refund (-?\\d+(?:\\.\\d+)?) ₽");

    /** The reason a purchase import stores with a member's entry for their receipts in a batch. */
    public static String receipts(long count, long kopecks) {
        return count + (count == 1 ? " receipt, " : " receipts, ")
                + BigDecimal.valueOf(kopecks, 2).toPlainString() + " ₽";
    }

    /** The reason stored with a refund's entry. */
    public static String refund(BigDecimal amount) {
        return "refund " + amount.toPlainString() + " ₽";
    }

    static EntryReason of(EntryKind kind, SourceRef source, String reason, Integer postOffice) {
        String ref = source.value();
        String text = reason == null ? "" : reason;
        Matcher receipts = RECEIPTS.matcher(text);
        Matcher refund = REFUND.matcher(text);
        String[] parts = ref.split(":", 3);
        if (kind == EntryKind.REDEEM && postOffice != null) {
            return new EntryReason(REDEEMED, List.of(postOffice.toString(), text));
        } else if (kind == EntryKind.EARN && isActivity(text)) {
            return new EntryReason("cards.reason.activity." + text, List.of());
        } else if (ref.startsWith("purchases:") && receipts.matches()) {
            return new EntryReason(
                    "cards.reason.purchases",
                    List.of(Long.parseLong(receipts.group(1)), new BigDecimal(receipts.group(2))));
        } else if (ref.startsWith("purchase:") && parts.length == 3) {
            return new EntryReason("cards.reason.purchase", List.of(parts[1], parts[2]));
        } else if (ref.startsWith("refund:") && parts.length == 3 && refund.matches()) {
            return new EntryReason(
                    "cards.reason.refund", List.of(parts[1], parts[2], new BigDecimal(refund.group(1)).abs()));
        } else if (ref.startsWith("return:") && ref.split(":", 5).length == 5 && refund.matches()) {
            String[] line = ref.split(":", 5); // return:<postcode>:<time>:<kopecks>:<receipt>, one per refund line
            return new EntryReason(
                    "cards.reason.refund", List.of(line[1], line[4], new BigDecimal(refund.group(1)).abs()));
        } else if (kind == EntryKind.EXPIRE && ref.startsWith("expire:")) {
            return new EntryReason("cards.reason.expired", List.of());
        }
        return new EntryReason(STAFF_TEXT, List.of(text));
    }

    private static boolean isActivity(String text) {
        for (Activity activity : Activity.values()) {
            if (activity.name().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reason as the member reads it on their card page: what staff wrote is for the club's records and stays
     * off it, so a redemption shows only the post office and an entry with nothing but staff text shows nothing.
     */
    public Optional<EntryReason> forMember() {
        return switch (key) {
            case STAFF_TEXT -> Optional.empty();
            case REDEEMED -> Optional.of(new EntryReason(REDEEMED + ".member", List.of(arguments.get(0))));
            default -> Optional.of(this);
        };
    }

    /** The arguments as a message source takes them. */
    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
