package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.clientclub.shared.i18n.IcuMessageSource;
import org.junit.jupiter.api.Test;

/** Ledger entries' reasons as staff and members read them, in Russian and English. */
class EntryReasonTest {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final IcuMessageSource messages = new IcuMessageSource("messages");

    @Test
    void clubActivityIsNamed() {
        assertThat(text(entry("EARN", "activity:WELCOME_BONUS:7", "WELCOME_BONUS"), RU))
                .isEqualTo("Приветственные баллы за вступление в клуб");
        assertThat(text(entry("EARN", "idea:42", "IDEA_ACCEPTED"), Locale.ENGLISH))
                .isEqualTo("Idea accepted");
    }

    @Test
    void aBatchOfReceiptsShowsItsCountAndSumInTheReadersNumbers() {
        String stored = EntryReason.receipts(12, 123_450);
        assertThat(stored).isEqualTo("12 receipts, 1234.50 ₽");
        LedgerEntryView entry = entry("EARN", "purchases:5:137501:9", stored);
        assertThat(text(entry, RU)).isEqualTo("Покупки в отделениях: чеков — 12, на 1\u00a0234,50 ₽");
        assertThat(text(entry, Locale.ENGLISH)).isEqualTo("Purchases at post offices: 12 receipts, 1,234.50 ₽");
        assertThat(text(entry("EARN", "purchases:5:12501:9", EntryReason.receipts(1, 9_990)), Locale.ENGLISH))
                .isEqualTo("Purchases at post offices: 1 receipt, 99.90 ₽");
    }

    @Test
    void aRefundAndAReceiptBookedOnItsOwnNameTheirReceipt() {
        LedgerEntryView refund = entry("REVERSE", "refund:101000:R-17", EntryReason.refund(new BigDecimal("-250.00")));
        assertThat(text(refund, RU)).isEqualTo("Возврат покупки на 250,00 ₽: чек R-17, отделение 101000");
        LedgerEntryView partOfAReceipt = entry(
                "REVERSE", "return:101000:20261121090000:25000:R:17", EntryReason.refund(new BigDecimal("-250.00")));
        assertThat(text(partOfAReceipt, Locale.ENGLISH))
                .as("one refund line of several, a colon in the receipt")
                .isEqualTo("Refund of 250.00 ₽: receipt R:17, post office 101000");
        assertThat(text(entry("EARN", "purchase:190000:A:1", "GOODS 100.00"), Locale.ENGLISH))
                .as("a receipt number may hold a colon")
                .isEqualTo("Purchase: receipt A:1, post office 190000");
    }

    @Test
    void expiryIsExplained() {
        assertThat(text(entry("EXPIRE", "expire:9:2026-11-26", "expired"), RU)).isEqualTo("Истёк срок действия баллов");
    }

    @Test
    void staffWordsAreShownAsWritten() {
        EntryReason redemption = entry("REDEEM", "redeem:5f2c", "Конверты, чек {17} 'без скидки'")
                .readableReason();
        assertThat(messages.getMessage(redemption.key(), redemption.argumentArray(), RU))
                .isEqualTo("Конверты, чек {17} 'без скидки'");
        assertThat(redemption.forMember())
                .as("staff words stay off the member's page")
                .isEmpty();
        assertThat(text(entry("ADJUST", "adjustment:99", "WELCOME_BONUS"), RU))
                .as("an activity's name only means the activity when the club earned it")
                .isEqualTo("WELCOME_BONUS");
        assertThat(text(entry("EARN", "purchases:5:1:9", "not what the import writes"), RU))
                .isEqualTo("not what the import writes");
    }

    @Test
    void aRedemptionNamesItsPostOfficeAndOnlyStaffReadTheirNote() {
        LedgerEntryView redemption = new LedgerEntryView(
                1,
                EntryKind.REDEEM,
                -30,
                new SourceRef("redeem:5f2c"),
                "Марки, чек {4} 'без сдачи'",
                101000,
                java.time.Instant.now());
        assertThat(text(redemption, RU)).isEqualTo("Отделение 101000: Марки, чек {4} 'без сдачи'");
        assertThat(text(redemption, Locale.ENGLISH)).isEqualTo("Post office 101000: Марки, чек {4} 'без сдачи'");
        EntryReason member = redemption.readableReason().forMember().orElseThrow();
        assertThat(messages.getMessage(member.key(), member.argumentArray(), RU))
                .isEqualTo("Списание в отделении 101000");
        assertThat(messages.getMessage(member.key(), member.argumentArray(), Locale.ENGLISH))
                .isEqualTo("Spent at post office 101000");
        EntryReason expiry = entry("EXPIRE", "expire:9:2026-11-26", "expired").readableReason();
        assertThat(expiry.forMember())
                .as("what the club booked reads the same for the member")
                .contains(expiry);
    }

    private String text(LedgerEntryView entry, Locale locale) {
        EntryReason reason = entry.readableReason();
        return messages.getMessage(reason.key(), reason.argumentArray(), locale);
    }

    private static LedgerEntryView entry(String kind, String sourceRef, String reason) {
        return new LedgerEntryView(
                1, EntryKind.valueOf(kind), 10, new SourceRef(sourceRef), reason, null, java.time.Instant.now());
    }
}
