package org.clientclub.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.Questionnaire;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A member who joined through the real onboarding and has the welcome bonus on their card. */
public final class Members {

    private Members() {}

    /** @return the new member's id */
    public static long joinWithWelcomeBonus(
            MembershipService membership, GreenMail greenMail, JdbcClient jdbc, String email) {
        return joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.adult(email));
    }

    /** @return the new member's id */
    public static long joinWithWelcomeBonus(
            MembershipService membership, GreenMail greenMail, JdbcClient jdbc, Questionnaire questionnaire) {
        String email = questionnaire.email();
        membership.submit(TestQuestionnaires.submission(questionnaire));
        String link = Mailbox.linkPath(new Mailbox(greenMail).awaitMessage(email, 1), "confirm");
        membership.confirmEmail(link.substring(link.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("""
                SELECT coalesce(sum(a.balance), 0) FROM loyalty_account a JOIN membership_member m ON m.id = a.member_id
                 WHERE m.email = :e""").param("e", email).query(Long.class).single() == 100);
        return jdbc.sql("SELECT id FROM membership_member WHERE email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    /** A ledger entry at a chosen time (EARN when positive, REDEEM otherwise), with the balance moved to match. */
    public static void bookAt(JdbcClient jdbc, long memberId, long points, String sourceRef, Instant at) {
        jdbc.sql("""
                INSERT INTO loyalty_ledger_entry (member_id, kind, points, source_ref, occurred_at, created_at)
                VALUES (:m, :kind, :p, :ref, :at, now())""")
                .param("m", memberId)
                .param("kind", points > 0 ? "EARN" : "REDEEM")
                .param("p", points)
                .param("ref", sourceRef)
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("UPDATE loyalty_account SET balance = balance + :p WHERE member_id = :m")
                .param("p", points)
                .param("m", memberId)
                .update();
    }

    public static String cardOf(JdbcClient jdbc, long memberId) {
        return jdbc.sql("SELECT card_number FROM loyalty_card WHERE member_id = :m AND status = 'ACTIVE'")
                .param("m", memberId)
                .query(String.class)
                .single();
    }
}
