package org.clientclub.loyalty.internal.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.clientclub.loyalty.CardNumber;
import org.clientclub.shared.Postcode;

/**
 * One line of a till export: {@code card;datetime;postcode;amount;category;receipt}, separated by semicolons.
 * A negative amount is a refund of the receipt it names. Parsing never throws: a line is either a purchase or a
 * rejection with a reason (a message key under {@code import.error.}).
 */
public record PurchaseLine(
        long lineNo,
        String cardNumber,
        LocalDateTime purchasedAt,
        String postcode,
        BigDecimal amount,
        String category,
        String receiptId) {

    public static final String HEADER = "card;datetime;postcode;amount;category;receipt";
    static final int MAX_LINE = 2000;

    private static final Pattern BINARY = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFD]");
    private static final Pattern AMOUNT = Pattern.compile("[-+]?[0-9][0-9.,]*");
    private static final DateTimeFormatter[] DATE_TIMES = {
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]"),
        DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm[:ss]")
    };

    public record Rejected(long lineNo, String reason, String raw) {}

    public boolean isRefund() {
        return amount.signum() < 0;
    }

    /** Whether a header row names our columns (in this order, any case, surrounding spaces and a BOM ignored). */
    public static boolean isHeader(String line) {
        String normal = line.replace("\uFEFF", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return normal.equals(HEADER) || normal.equals("карта;дата;индекс;сумма;категория;чек");
    }

    /** @return the purchase, or a {@link Rejected} with the reason: every layout the tills write. */
    public static Object parse(long lineNo, String raw, LocalDateTime now) {
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
            return new Rejected(
                    lineNo,
                    card.length() == 13 && card.chars().allMatch(Character::isDigit) ? "cardCheckDigit" : "cardNumber",
                    raw);
        }
        Optional<LocalDateTime> when = dateTime(f[1].trim());
        if (when.isEmpty()) {
            return new Rejected(lineNo, "dateTime", raw);
        }
        if (when.get().isAfter(now)) {
            return new Rejected(lineNo, "futureDate", raw);
        }
        String postcode = f[2].trim();
        if (!Postcode.isValid(postcode)) {
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
     * Roubles with kopecks as tills write them: {@code 1 234,50}, {@code 1,234.50}, {@code 1234.50}, {@code -250,00}.
     * The last of ',' and '.' is the decimal separator when two digits or fewer follow it; other separators group
     * thousands.
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
