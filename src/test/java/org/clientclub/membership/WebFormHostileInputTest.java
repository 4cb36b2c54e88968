package org.clientclub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.clientclub.support.TestQuestionnaires.adult;
import static org.clientclub.support.TestQuestionnaires.newEmail;

import java.time.Duration;
import org.clientclub.support.TightLimits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an attacker tries with the public questionnaire to make the club mail someone, or everyone. Here a client
 * address may submit 5 questionnaires an hour and an address gets 2 confirmation mails a day.
 */
@SpringBootTest(
        properties = {
            TightLimits.JOIN_PER_HOUR,
            TightLimits.CONFIRMATIONS_PER_RECIPIENT,
            TightLimits.MESSAGES_PER_SENDER,
            TightLimits.REPLIES_PER_RECIPIENT
        })
class WebFormHostileInputTest {

    @Autowired
    MembershipService membership;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rotatingIpv6AddressesInsideOneSlash64IsStillOneClient() {
        for (int i = 1; i <= 5; i++) {
            assertThat(membership.submit(from("2001:db8:a1:1::" + i, adult(newEmail()))))
                    .isPresent();
        }

        assertThatThrownBy(() -> membership.submit(from("2001:db8:a1:1:ffff:ffff:ffff:ffff", adult(newEmail()))))
                .isInstanceOfSatisfying(
                        QuestionnaireRejected.class,
                        e -> assertThat(e.errors()).containsEntry("form", "validation.rateLimited"));
        assertThat(membership.submit(from("2001:db8:a1:2::1", adult(newEmail()))))
                .as("the next /64")
                .isPresent();
        assertThat(jdbc.sql("SELECT count FROM shared_rate_counter WHERE counter_key = :key")
                        .param("key", "join:ip6:20010db800a10001/64")
                        .query(Integer.class)
                        .single())
                .as("counted in the database, where every node sees it")
                .isEqualTo(6);
    }

    @Test
    void refusedQuestionnairesUseTheAllowanceToo() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> membership.submit(
                            new Submission(adult(newEmail()), 1, false, Channel.WEB, "198.51.100.20", "")))
                    .isInstanceOf(QuestionnaireRejected.class);
        }

        assertThatThrownBy(() -> membership.submit(from("198.51.100.20", adult(newEmail()))))
                .isInstanceOfSatisfying(
                        QuestionnaireRejected.class,
                        e -> assertThat(e.errors()).containsEntry("form", "validation.rateLimited"));
    }

    @Test
    void aVictimTypedIntoQuestionnairesFromManyNetworksGetsAtMostTheDailyConfirmations() {
        String victim = newEmail();
        String local = victim.substring(0, victim.indexOf('@'));
        String[] addresses = {victim, local + "+1@example.org", local + "+club@example.org", victim.toUpperCase()};
        for (int i = 0; i < addresses.length; i++) {
            assertThat(membership.submit(from("2001:db8:b" + i + "::1", adult(addresses[i]))))
                    .isPresent();
        }

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT count(*) FROM membership_application
                         WHERE email LIKE :local AND confirmation_deadline IS NOT NULL""")
                                .param("local", local + "%")
                                .query(Long.class)
                                .single())
                        .isEqualTo(4));
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient LIKE :local AND kind = 'CONFIRMATION'")
                        .param("local", local + "%")
                        .query(Long.class)
                        .single())
                .as("mails written")
                .isEqualTo(2);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM membership_application WHERE email LIKE :local AND mail_refused_at IS NOT NULL")
                        .param("local", local + "%")
                        .query(Long.class)
                        .single())
                .as("refusals kept on the applications")
                .isEqualTo(2);
    }

    private static Submission from(String clientAddress, Questionnaire questionnaire) {
        return new Submission(questionnaire, 1, true, Channel.WEB, clientAddress, "");
    }
}
