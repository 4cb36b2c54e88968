package org.clientclub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clientclub.support.TestQuestionnaires.adult;
import static org.clientclub.support.TestQuestionnaires.newEmail;
import static org.clientclub.support.TestQuestionnaires.submission;

import java.time.Duration;
import org.clientclub.membership.internal.onboarding.LapsedApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A questionnaire nobody confirmed, often typed in by a stranger, is personal data the club has no reason to
 * keep: 30 days after it was submitted it is gone with its links and consent; everything else stays.
 */
@SpringBootTest
class UnconfirmedApplicationPurgeTest {

    @Autowired
    MembershipService membership;

    @Autowired
    LapsedApplications lapsed;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anApplicationThatLapsedUnconfirmedIsDeletedAfterThirtyDaysWithItsLinksAndConsent() {
        long old = applicationWithLink();
        long recent = applicationWithLink();
        long confirmedLongAgo = applicationWithLink();
        age(old, "LAPSED", 31);
        age(recent, "LAPSED", 29);
        age(confirmedLongAgo, "FEEDBACK_ONLY", 400);
        jdbc.sql("""
                        INSERT INTO membership_mail_intake (inbound_mail_id, sender, language, application_id, updated_at)
                        VALUES (:inbound, 'stranger@example.org', 'ru', :id, now())""").param("inbound", -old).param("id", old).update();

        assertThat(lapsed.purge()).isGreaterThanOrEqualTo(1);

        assertThat(count("membership_application WHERE id = :id", old)).isZero();
        assertThat(count("membership_token WHERE application_id = :id", old)).isZero();
        assertThat(count("membership_consent WHERE application_id = :id", old)).isZero();
        assertThat(count("membership_mail_intake WHERE inbound_mail_id = -:id AND application_id IS NULL", old))
                .as("the mailbox's message keeps its intake, without the application")
                .isEqualTo(1);
        assertThat(count("membership_application WHERE id = :id", recent))
                .as("not 30 days yet")
                .isEqualTo(1);
        assertThat(count("membership_consent WHERE application_id = :id", recent))
                .isEqualTo(1);
        assertThat(count("membership_application WHERE id = :id", confirmedLongAgo))
                .as("not lapsed")
                .isEqualTo(1);
        assertThat(lapsed.purge()).as("a second run finds nothing of it").isZero();
    }

    /** A submitted application whose confirmation mail (and link) was written. */
    private long applicationWithLink() {
        long id = membership.submit(submission(adult(newEmail()))).orElseThrow().value();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("membership_token WHERE application_id = :id", id) == 1);
        return id;
    }

    private void age(long id, String status, int days) {
        jdbc.sql("""
                        UPDATE membership_application SET status = :status,
                               submitted_at = now() - make_interval(days => :days) WHERE id = :id""")
                .param("status", status)
                .param("days", days)
                .param("id", id)
                .update();
    }

    private long count(String fromWhere, long id) {
        return jdbc.sql("SELECT count(*) FROM " + fromWhere)
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
