package org.clientclub.loyalty.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.clientclub.loyalty.CardNumber;

/**
 * One line of a till export: {@code card;datetime;postcode;amount;category;receipt}, separated by semicolons.
 * A negative amount is a refund of the receipt it names. Parsing never throws: a line is either a purchase or a
 * rejection with a reason (a message key under {@code import.error.}).
 */
public record PurchaseLine(long lineNo, String cardNumber, LocalDateTime purchasedAt, String postcode,
                           BigDecimal amount, String category, String receiptId) {

    public static final String HEADER = "card;datetime;postcode;amount;category;receipt";
    static final int MAX_LINE = 2000;

    private static final Pattern BINARY = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFD]");
    private static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{5}");
    private static final Pattern AMOUNT = Pattern.compile("[-+]?[0-9][0-9.,]*");
    private static final DateTimeFormatter[] DATE_TIMES = {
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm[:ss]")};

    public record Rejected(long lineNo, String reason, String raw) {
    }

    public boolean isRefund() {
        return amount.signum() < 0;
    }

    public LocalDate purchaseDate() {
        return purchasedAt.toLocalDate();
    }

    /** Whether a header row names our columns (in this order, any case, surrounding spaces and a BOM ignored). */
    public static boolean isHeader(String line) {
        String normal = line.replace("\uFEFF", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return normal.equals(HEADER) || normal.equals("карта;дата;индекс;сумма;категория;чек");
    }

    /**
     * @return the purchase, or a {@link Rejected} with the reason. A well-formed line in the usual layout
     *         (13-digit card, {@code yyyy-MM-dd HH:mm[:ss]}, plain amount) is read by hand without regular
     *         expressions or exceptions; anything else takes the general path, which gives every reason.
     */
    public static Object parse(long lineNo, String raw, LocalDateTime now) {
        PurchaseLine usual = parseUsual(lineNo, raw, now);
        return usual != null ? usual : parseAny(lineNo, raw, now);
    }

    /**
     * The fast path: only lines that the general path would accept with the same values. Returns null for
     * anything it does not recognise (including every line the general path rejects), never a rejection.
     */
    static PurchaseLine parseUsual(long lineNo, String raw, LocalDateTime now) {
        int length = raw.length();
        if (length > MAX_LINE) {
            return null;
        }
        int[] cut = new int[5];
        int cuts = 0;
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == '\uFFFD') {
                return null;
            }
            if (c == ';') {
                if (cuts == 5) {
                    return null;
                }
                cut[cuts++] = i;
            }
        }
        if (cuts != 5) {
            return null;
        }
        // card: 13 ASCII digits, the club's prefix, the EAN-13 check digit
        if (cut[0] != 13 || raw.charAt(0) != '2' || raw.charAt(1) != '9') {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int digit = raw.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return null;
            }
            if (i < 12) {
                sum += (i % 2 == 0) ? digit : digit * 3;
            } else if (digit != (10 - sum % 10) % 10) {
                return null;
            }
        }
        LocalDateTime when = usualDateTime(raw, cut[0] + 1, cut[1]);
        if (when == null || when.isAfter(now)) {
            return null;
        }
        int p = cut[1] + 1;
        if (cut[2] - p != 6 || raw.charAt(p) < '1' || raw.charAt(p) > '9' || number(raw, p + 1, p + 6) < 0) {
            return null;
        }
        BigDecimal amount = usualAmount(raw, cut[2] + 1, cut[3]);
        if (amount == null) {
            return null;
        }
        String category = usualCategory(raw, cut[3] + 1, cut[4]);
        if (category == null) {
            return null;
        }
        String receipt = raw.substring(cut[4] + 1).trim();
        if (receipt.isEmpty() || receipt.length() > 100) {
            return null;
        }
        return new PurchaseLine(lineNo, raw.substring(0, 13), when, raw.substring(p, p + 6), amount, category, receipt);
    }

    /** {@code yyyy-MM-dd HH:mm}, optionally {@code :ss}, a space or 'T' between; null for anything else. */
    private static LocalDateTime usualDateTime(String s, int from, int to) {
        int n = to - from;
        if ((n != 16 && n != 19) || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-'
                || (s.charAt(from + 10) != ' ' && s.charAt(from + 10) != 'T') || s.charAt(from + 13) != ':'
                || (n == 19 && s.charAt(from + 16) != ':')) {
            return null;
        }
        int year = number(s, from, from + 4);
        int month = number(s, from + 5, from + 7);
        int day = number(s, from + 8, from + 10);
        int hour = number(s, from + 11, from + 13);
        int minute = number(s, from + 14, from + 16);
        int second = n == 19 ? number(s, from + 17, from + 19) : 0;
        if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** ASCII digits as a number, -1 when any is not a digit. */
    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** {@code [-]digits[(,|.)d[d]]}, not zero, at most 12 characters before the separator; null otherwise. */
    private static BigDecimal usualAmount(String s, int from, int to) {
        int i = from;
        boolean negative = i < to && s.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long units = 0;
        int digits = 0;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            units = units * 10 + (s.charAt(i++) - '0');
            digits++;
        }
        if (digits == 0 || digits + (negative ? 1 : 0) > 12) {
            return null;
        }
        long kopecks = units * 100;
        if (i < to) {
            char separator = s.charAt(i++);
            int fraction = to - i;
            if ((separator != ',' && separator != '.') || fraction < 1 || fraction > 2) {
                return null;
            }
            int value = number(s, i, to);
            if (value < 0) {
                return null;
            }
            kopecks += fraction == 1 ? value * 10L : value;
        }
        if (kopecks == 0) {
            return null;
        }
        return BigDecimal.valueOf(negative ? -kopecks : kopecks, 2);
    }

    /** The category in capitals when it is plain ASCII without surrounding spaces; null otherwise. */
    private static String usualCategory(String s, int from, int to) {
        int n = to - from;
        if (n < 1 || n > 50 || s.charAt(from) == ' ' || s.charAt(to - 1) == ' ') {
            return null;
        }
        boolean upper = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c > 0x7E) {
                return null;
            }
            upper &= !(c >= 'a' && c <= 'z');
        }
        String category = s.substring(from, to);
        return upper ? category : category.toUpperCase(Locale.ROOT);
    }

    /** The general path: every layout the tills write, and a reason for every line it cannot book. */
    static Object parseAny(long lineNo, String raw, LocalDateTime now) {
        if (raw.length() > MAX_LINE) {
            return new Rejected(lineNo, "lineTooLong", raw.substring(0, 1000));
        }
        if (BINARY.matcher(raw).find()) {
            return new Rejected(lineNo, "binary", printable(raw));
        }
        String[] f = raw.split(";", -1);
        if (f.length != 6) {
            return new Rejected(lineNo, "fields", raw);
        }
        String card = f[0].trim().replace(" ", "");
        if (!CardNumber.isValid(card)) {
            return new Rejected(lineNo, card.length() == 13 && card.chars().allMatch(Character::isDigit)
                    ? "cardCheckDigit" : "cardNumber", raw);
        }
        Optional<LocalDateTime> when = dateTime(f[1].trim());
        if (when.isEmpty()) {
            return new Rejected(lineNo, "dateTime", raw);
        }
        if (when.get().isAfter(now)) {
            return new Rejected(lineNo, "futureDate", raw);
        }
        String postcode = f[2].trim();
        if (!POSTCODE.matcher(postcode).matches()) {
            return new Rejected(lineNo, "postcode", raw);
        }
        Optional<BigDecimal> amount = amount(f[3]);
        if (amount.isEmpty() || amount.get().signum() == 0) {
            return new Rejected(lineNo, "amount", raw);
        }
        String category = f[4].trim().toUpperCase(Locale.ROOT);
        if (category.isEmpty() || category.length() > 50) {
            return new Rejected(lineNo, "category", raw);
        }
        String receipt = f[5].trim();
        if (receipt.isEmpty() || receipt.length() > 100) {
            return new Rejected(lineNo, "receipt", raw);
        }
        return new PurchaseLine(lineNo, card, when.get(), postcode, amount.get(), category, receipt);
    }

    private static Optional<LocalDateTime> dateTime(String text) {
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(text, format));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    /**
     * Roubles with kopecks as tills write them: "1 234,50", "1,234.50", "1234.50", "-250,00". The last of ',' and
     * '.' is the decimal separator when two digits or fewer follow it; other separators group thousands.
     */
    static Optional<BigDecimal> amount(String text) {
        String s = text.trim().replace("\u00A0", "").replace(" ", "").replace("\u2212", "-");
        if (!AMOUNT.matcher(s).matches()) {
            return Optional.empty();
        }
        int decimal = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
        String integer = s;
        String fraction = "";
        if (decimal >= 0 && s.length() - decimal - 1 <= 2) {
            integer = s.substring(0, decimal);
            fraction = s.substring(decimal + 1);
        }
        String digits = integer.replace(",", "").replace(".", "");
        if (digits.isEmpty() || digits.equals("-") || digits.equals("+") || digits.length() > 12) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(digits + (fraction.isEmpty() ? "" : "." + fraction));
        return Optional.of(value.setScale(2, RoundingMode.UNNECESSARY));
    }

    private static String printable(String raw) {
        String cleaned = BINARY.matcher(raw).replaceAll("?");
        return cleaned.length() > 1000 ? cleaned.substring(0, 1000) : cleaned;
    }
}
