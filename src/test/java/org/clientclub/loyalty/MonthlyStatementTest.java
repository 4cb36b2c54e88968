package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.clientclub.loyalty.internal.MonthlyStatements;
import org.clientclub.mail.MailService;
import org.clientclub.mail.OutboxStatus;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.Mailbox;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** Last month's statement: once per member and month, and not to those who unsubscribed. */
@SpringBootTest
@WithMockUser(roles = "CLUB_STAFF")
class MonthlyStatementTest {

    @Autowired
    MonthlyStatements statements;

    @Autowired
    MailService mail;

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void membersWhosePointsMovedLastMonthGetOneStatementUnlessTheyUnsubscribed() throws Exception {
        String email = TestQuestionnaires.newEmail();
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, email);
        String quiet = TestQuestionnaires.newEmail();
        long quietId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, quiet);
        Instant lastMonth = YearMonth.from(LocalDate.now(ZoneId.of("Europe/Moscow")))
                .minusMonths(1)
                .atDay(10)
                .atStartOfDay(ZoneId.of("Europe/Moscow"))
                .toInstant();
        for (long id : List.of(memberId, quietId)) {
            Members.bookAt(jdbc, id, 40, "statement-test:earn:" + id, lastMonth);
            Members.bookAt(jdbc, id, -15, "statement-test:spend:" + id, lastMonth);
        }
        String unsubscribe = Mailbox.linkPath(new Mailbox(greenMail).awaitMessage(quiet, 1), "unsubscribe");
        mail.unsubscribe(unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1));
        new Mailbox(greenMail).awaitMessage(email, 2);

        statements.sendForLastMonth();
        statements.sendForLastMonth();

        MimeMessage statement = new Mailbox(greenMail).awaitMessage(email, 3);
        assertThat(statement.getSubject()).isEqualTo("Ваши баллы за месяц");
        assertThat(Mailbox.decoded(statement))
                .contains("Начислено: 40", "Потрачено и списано: 15", "На карте сейчас: 125");
        assertThat(mail.log(email, null, 0, 10))
                .filteredOn(e -> e.template().equals("monthly-statement"))
                .hasSize(1);
        assertThat(mail.log(quiet, OutboxStatus.SUPPRESSED, 0, 10))
                .singleElement()
                .satisfies(e -> assertThat(e.template()).isEqualTo("monthly-statement"));
    }
}
