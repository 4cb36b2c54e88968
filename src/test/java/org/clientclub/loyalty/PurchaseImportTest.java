package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** A till export with good and bad lines, uploaded twice. */
@SpringBootTest
@WithMockUser(username = "cashier", roles = "CLUB_STAFF")
class PurchaseImportTest {

    @Autowired
    PurchaseImports imports;
    @Autowired
    LoyaltyService loyalty;
    @Autowired
    MembershipService membership;
    @Autowired
    GreenMail greenMail;
    @Autowired
    JdbcClient jdbc;

    @Test
    void booksGoodLinesListsBadOnesAndNeverBooksAReceiptTwice() throws Exception {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        String card = Members.cardOf(jdbc, memberId);
        String wrongDigit = card.substring(0, 12) + ((card.charAt(12) - '0' + 1) % 10);
        String receipt = "R-" + memberId;
        String file = String.join("\r\n",
                "карта;дата;индекс;сумма;категория;чек",
                card + ";2026-11-20 10:15:00;101000;1 234,50;POSTCARDS;" + receipt + "-1",
                card + ";20.11.2026 11:00;101000;1,234.50;GOODS;" + receipt + "-2",
                wrongDigit + ";2026-11-20 10:15:00;101000;500,00;GOODS;" + receipt + "-3",
                CardNumber.ofSequence(9_999_999_998L) + ";2026-11-20 10:15:00;101000;500,00;GOODS;" + receipt + "-4",
                card + ";2099-01-01 10:00:00;101000;500,00;GOODS;" + receipt + "-5",
                card + ";2026-11-20 10:15:00;101000;999,00;POSTCARDS;" + receipt + "-1",
                "\u0001\u0002\u0003garbage;;;;;",
                card + ";2026-11-21 09:00:00;101000;-1 234,50;POSTCARDS;" + receipt + "-1",
                card + ";2026-11-20 10:15:00;101000;abc;GOODS;" + receipt + "-6",
                card + ";2026-11-20 10:15:00;101000;500,00",
                "");
        byte[] windows1251 = file.getBytes(Charset.forName("windows-1251"));

        ImportSummary first = upload(windows1251);

        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.linesBooked()).as("two purchases and the refund").isEqualTo(3);
        assertThat(first.linesDuplicate()).as("the receipt repeated in the file").isEqualTo(1);
        assertThat(first.linesRejected()).isEqualTo(6);
        // 100 welcome + 12 full hundreds x 5 (postcards) + 12 x 3 (goods) - 60 (refund of the postcards)
        assertThat(loyalty.balance(memberId)).isEqualTo(136);
        String errors = errorsOf(first.id());
        assertThat(errors).contains("4;cardCheckDigit", "5;unknownCard", "6;futureDate", "8;binary", "10;amount",
                "11;fields");

        assertThat(jdbc.sql("""
                SELECT count(*) FROM loyalty_ledger_entry e
                 WHERE e.member_id = :m AND (NOT EXISTS (SELECT 1 FROM loyalty_account a WHERE a.member_id = e.member_id)
                       OR e.card_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM loyalty_card c
                                                                WHERE c.id = e.card_id AND c.member_id = e.member_id))""")
                .param("m", memberId).query(Long.class).single()).as("entries name the member's account and card").isZero();

        ImportSummary again = upload(windows1251);
        assertThat(again.linesBooked()).isZero();
        assertThat(again.linesDuplicate()).isEqualTo(4);
        assertThat(loyalty.balance(memberId)).isEqualTo(136);

        ByteArrayOutputStream original = new ByteArrayOutputStream();
        imports.writeOriginal(first.id(), original);
        assertThat(original.toByteArray()).isEqualTo(windows1251);
    }

    @Test
    void aFileWithoutOurHeaderFailsWithAReasonAndBooksNothing() {
        ImportSummary summary = upload("name;price\nx;1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(summary.status()).isEqualTo("FAILED");
        assertThat(summary.failure()).isEqualTo("import.error.header");
        assertThat(summary.linesBooked()).isZero();
    }

    private ImportSummary upload(byte[] content) {
        long id = imports.upload("till-export.csv", new ByteArrayInputStream(content));
        await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> !summary(id).running());
        return summary(id);
    }

    private ImportSummary summary(long id) {
        return imports.history(0, 50).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private String errorsOf(long id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.writeErrors(id, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
