package org.clientclub.loyalty.internal.imports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The purchases of an import batch, column by column: a million lines cost a few arrays, not a dozen objects each.
 * A line in the usual layout (13-digit card, {@code yyyy-MM-dd HH:mm[:ss]}, plain positive amount, ASCII) is read
 * straight from the file's bytes by {@link #addUsual}; any other line is decoded and read by
 * {@link PurchaseLine#parse}, which gives every rejection reason, and a purchase it accepts is added with
 * {@link #add}. Both give the same values for a line they both read ({@code PurchasesTest}).
 */
final class Purchases {

    private static final int MAX_RECEIPT = 100;
    private static final int MAX_CATEGORY = 50;

    private int size;
    private long[] lineNo;
    private long[] card;
    private int[] postcode;
    private long[] kopecks;
    private int[] category;
    /** Purchase time as the decimal number yyyyMMddHHmmss. */
    private long[] purchasedAt;

    private int[] receiptStart;
    private int[] receiptLength;
    /** The receipt ids, UTF-8, one after another. */
    private byte[] receipts;

    private int receiptBytes;

    private final List<String> categories = new ArrayList<>();
    private final Map<String, Integer> categoryIndex = new HashMap<>();

    Purchases(int capacity) {
        lineNo = new long[capacity];
        card = new long[capacity];
        postcode = new int[capacity];
        kopecks = new long[capacity];
        category = new int[capacity];
        purchasedAt = new long[capacity];
        receiptStart = new int[capacity];
        receiptLength = new int[capacity];
        receipts = new byte[capacity * 12 + 64];
    }

    int size() {
        return size;
    }

    long lineNo(int i) {
        return lineNo[i];
    }

    long card(int i) {
        return card[i];
    }

    int postcode(int i) {
        return postcode[i];
    }

    long kopecks(int i) {
        return kopecks[i];
    }

    /** The category's number among this batch's categories, see {@link #categoryName}. */
    int categoryNumber(int i) {
        return category[i];
    }

    int categoryCount() {
        return categories.size();
    }

    String categoryName(int number) {
        return categories.get(number);
    }

    /** The purchase day as yyyyMMdd. */
    int day(int i) {
        return (int) (purchasedAt[i] / 1_000_000);
    }

    long purchasedAt(int i) {
        return purchasedAt[i];
    }

    String receiptId(int i) {
        return new String(receipts, receiptStart[i], receiptLength[i], StandardCharsets.UTF_8);
    }

    /** Writes the receipt id into COPY rows, escaped as COPY's text format needs. */
    void receiptId(int i, CopyRows into) {
        into.escaped(receipts, receiptStart[i], receiptLength[i]);
    }

    /** Orders {@code order[from, to)} by receipt id, byte by byte as the receipts' key compares them. */
    void sortByReceipt(int[] order, int from, int to) {
        if (to - from < 2) {
            return;
        }
        Integer[] part = new Integer[to - from];
        for (int k = 0; k < part.length; k++) {
            part[k] = order[from + k];
        }
        Arrays.sort(
                part,
                (a, b) -> Arrays.compareUnsigned(
                        receipts,
                        receiptStart[a],
                        receiptStart[a] + receiptLength[a],
                        receipts,
                        receiptStart[b],
                        receiptStart[b] + receiptLength[b]));
        for (int k = 0; k < part.length; k++) {
            order[from + k] = part[k];
        }
    }

    static long packed(LocalDateTime at) {
        return ((((at.getYear() * 100L + at.getMonthValue()) * 100 + at.getDayOfMonth()) * 100 + at.getHour()) * 100
                                + at.getMinute())
                        * 100
                + at.getSecond();
    }

    static LocalDateTime unpacked(long at) {
        return LocalDateTime.of(
                (int) (at / 10_000_000_000L),
                (int) (at / 100_000_000 % 100),
                (int) (at / 1_000_000 % 100),
                (int) (at / 10_000 % 100),
                (int) (at / 100 % 100),
                (int) (at % 100));
    }

    static LocalDate date(int yyyyMMdd) {
        return LocalDate.of(yyyyMMdd / 10_000, yyyyMMdd / 100 % 100, yyyyMMdd % 100);
    }

    /** A purchase the general path read. */
    void add(PurchaseLine line) {
        byte[] receipt = line.receiptId().getBytes(StandardCharsets.UTF_8);
        int i = next(receipt.length);
        lineNo[i] = line.lineNo();
        card[i] = Long.parseLong(line.cardNumber());
        postcode[i] = Integer.parseInt(line.postcode());
        kopecks[i] = line.amount().movePointRight(2).longValueExact();
        category[i] = categoryOf(line.category());
        purchasedAt[i] = packed(line.purchasedAt());
        System.arraycopy(receipt, 0, receipts, receiptStart[i], receipt.length);
    }

    /**
     * Reads a purchase in the usual layout from {@code line[from, to)}, an ASCII line without its terminator. Returns
     * false, adding nothing, for anything else: other layouts, refunds, any byte outside printable ASCII, every
     * line the general path would reject.
     *
     * @param now the club's local time now, {@link #packed}: a later purchase is left to the general path
     */
    boolean addUsual(byte[] line, int from, int to, long lineNumber, long now) {
        int length = to - from;
        if (length > PurchaseLine.MAX_LINE) {
            return false;
        }
        int[] cut = new int[5];
        int cuts = 0;
        for (int i = from; i < to; i++) {
            byte c = line[i];
            if (c < 0x20) { // control characters, and every byte of a non-ASCII character (negative as a byte)
                return false;
            }
            if (c == ';') {
                if (cuts == 5) {
                    return false;
                }
                cut[cuts++] = i;
            }
        }
        if (cuts != 5) {
            return false;
        }
        // card: 13 digits, the club's prefix, the EAN-13 check digit
        if (cut[0] - from != 13 || line[from] != '2' || line[from + 1] != '9') {
            return false;
        }
        long cardNumber = 0;
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int digit = line[from + i] - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (i < 12) {
                sum += (i % 2 == 0) ? digit : digit * 3;
            } else if (digit != (10 - sum % 10) % 10) {
                return false;
            }
            cardNumber = cardNumber * 10 + digit;
        }
        long when = dateTime(line, cut[0] + 1, cut[1]);
        if (when < 0 || when > now) {
            return false;
        }
        int p = cut[1] + 1;
        if (cut[2] - p != 6 || line[p] < '1' || line[p] > '9') {
            return false;
        }
        int office = number(line, p, p + 6);
        if (office < 0) {
            return false;
        }
        long amount = amount(line, cut[2] + 1, cut[3]);
        if (amount <= 0) {
            return false;
        }
        int categoryFrom = cut[3] + 1;
        int categoryLength = cut[4] - categoryFrom;
        if (categoryLength < 1
                || categoryLength > MAX_CATEGORY
                || line[categoryFrom] == ' '
                || line[cut[4] - 1] == ' '
                || contains(line, categoryFrom, cut[4], (byte) 0x7F)) {
            return false;
        }
        int receiptFrom = cut[4] + 1;
        int receiptTo = to;
        while (receiptFrom < receiptTo && line[receiptFrom] == ' ') {
            receiptFrom++;
        }
        while (receiptTo > receiptFrom && line[receiptTo - 1] == ' ') {
            receiptTo--;
        }
        if (receiptTo == receiptFrom || receiptTo - receiptFrom > MAX_RECEIPT) {
            return false;
        }
        int i = next(receiptTo - receiptFrom);
        lineNo[i] = lineNumber;
        card[i] = cardNumber;
        postcode[i] = office;
        kopecks[i] = amount;
        category[i] = categoryOf(line, categoryFrom, cut[4]);
        purchasedAt[i] = when;
        System.arraycopy(line, receiptFrom, receipts, receiptStart[i], receiptTo - receiptFrom);
        return true;
    }

    /** {@code yyyy-MM-dd HH:mm}, optionally {@code :ss}, a space or 'T' between, packed; -1 for anything else. */
    private static long dateTime(byte[] s, int from, int to) {
        int n = to - from;
        if ((n != 16 && n != 19)
                || s[from + 4] != '-'
                || s[from + 7] != '-'
                || (s[from + 10] != ' ' && s[from + 10] != 'T')
                || s[from + 13] != ':'
                || (n == 19 && s[from + 16] != ':')) {
            return -1;
        }
        int year = number(s, from, from + 4);
        int month = number(s, from + 5, from + 7);
        int day = number(s, from + 8, from + 10);
        int hour = number(s, from + 11, from + 13);
        int minute = number(s, from + 14, from + 16);
        int second = n == 19 ? number(s, from + 17, from + 19) : 0;
        if (year < 1
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return -1;
        }
        return ((((year * 100L + month) * 100 + day) * 100 + hour) * 100 + minute) * 100 + second;
    }

    /** ASCII digits as a number, -1 when any is not a digit. */
    private static int number(byte[] s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = s[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** {@code digits[(,|.)d[d]]}, at most 12 digits before the separator, in kopecks; 0 or -1 for anything else. */
    private static long amount(byte[] s, int from, int to) {
        int i = from;
        long units = 0;
        int digits = 0;
        while (i < to && s[i] >= '0' && s[i] <= '9') {
            units = units * 10 + (s[i++] - '0');
            digits++;
        }
        if (digits == 0 || digits > 12) {
            return -1;
        }
        long kopecks = units * 100;
        if (i < to) {
            byte separator = s[i++];
            int fraction = to - i;
            if ((separator != ',' && separator != '.') || fraction < 1 || fraction > 2) {
                return -1;
            }
            int value = number(s, i, to);
            if (value < 0) {
                return -1;
            }
            kopecks += fraction == 1 ? value * 10L : value;
        }
        return kopecks;
    }

    private static boolean contains(byte[] s, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (s[i] == b) {
                return true;
            }
        }
        return false;
    }

    /** The category's number, its name in capitals. */
    private int categoryOf(byte[] s, int from, int to) {
        for (int c = 0; c < categories.size() && c < 16; c++) {
            if (sameInCapitals(categories.get(c), s, from, to)) {
                return c;
            }
        }
        char[] name = new char[to - from];
        for (int i = 0; i < name.length; i++) {
            byte b = s[from + i];
            name[i] = (char) (b >= 'a' && b <= 'z' ? b - 32 : b);
        }
        return categoryOf(new String(name));
    }

    private static boolean sameInCapitals(String category, byte[] s, int from, int to) {
        if (category.length() != to - from) {
            return false;
        }
        for (int i = 0; i < category.length(); i++) {
            byte b = s[from + i];
            if (category.charAt(i) != (b >= 'a' && b <= 'z' ? b - 32 : b)) {
                return false;
            }
        }
        return true;
    }

    private int categoryOf(String name) {
        return categoryIndex.computeIfAbsent(name, n -> {
            categories.add(n);
            return categories.size() - 1;
        });
    }

    /** Room for one more purchase and its receipt id's bytes; @return its index */
    private int next(int receiptSize) {
        if (size == lineNo.length) {
            int capacity = Math.max(16, size * 2);
            lineNo = Arrays.copyOf(lineNo, capacity);
            card = Arrays.copyOf(card, capacity);
            postcode = Arrays.copyOf(postcode, capacity);
            kopecks = Arrays.copyOf(kopecks, capacity);
            category = Arrays.copyOf(category, capacity);
            purchasedAt = Arrays.copyOf(purchasedAt, capacity);
            receiptStart = Arrays.copyOf(receiptStart, capacity);
            receiptLength = Arrays.copyOf(receiptLength, capacity);
        }
        if (receiptBytes + receiptSize > receipts.length) {
            receipts = Arrays.copyOf(receipts, Math.max(receipts.length * 2, receiptBytes + receiptSize));
        }
        receiptStart[size] = receiptBytes;
        receiptLength[size] = receiptSize;
        receiptBytes += receiptSize;
        return size++;
    }
}
