package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.clientclub.mail.MailService;
import org.clientclub.membership.MemberContacts;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.MemberJoined;
import org.clientclub.membership.MembershipService;
import org.clientclub.shared.internal.OutstandingEventPublications;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A welcome bonus cannot be lost silently: when loyalty's listener fails (the database was away for a moment), the
 * publication stays incomplete, the scheduled resubmission hands it over again and the bonus is booked once; a
 * completed publication leaves no row behind, so the table does not grow.
 */
@ApplicationModuleTest
// The health groups name contributors of modules a slice does not boot (the engine's, the mail server's).
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class LostEventResubmissionTest {

    @MockitoBean
    MembershipService membership;

    @MockitoBean
    MemberContacts contacts;

    @MockitoBean
    MailService mail;

    @MockitoSpyBean
    CardService cards;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    OutstandingEventPublications outstanding;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPublicationWhoseListenerFailedIsResubmittedAndCompletes() {
        long memberId = aMemberRow(TestQuestionnaires.newEmail());
        MemberJoined joined =
                new MemberJoined(MemberId.of(memberId), "M" + memberId, "x@example.org", "ru", Instant.now());
        doThrow(new TransientDataAccessResourceException("database away"))
                .doCallRealMethod()
                .when(cards)
                .openAccount(any());

        transaction.executeWithoutResult(s -> events.publishEvent(joined));
        verify(cards, timeout(10_000)).openAccount(MemberId.of(memberId));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> publications(memberId) == 1);
        assertThat(welcomeEntries(memberId))
                .as("the failed delivery booked nothing")
                .isZero();

        // A young publication may still be in flight on another node: the scheduled run leaves it alone.
        assertThat(outstanding.resubmitOlderThan(Duration.ofHours(1))).isTrue();
        assertThat(publications(memberId)).isEqualTo(1);

        assertThat(outstanding.resubmitOlderThan(Duration.ZERO)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> welcomeEntries(memberId) == 1);
        await().atMost(Duration.ofSeconds(10))
                .alias("the completed publication is deleted")
                .until(() -> publications(memberId) == 0);
        assertThat(balance(memberId)).isEqualTo(100);

        // Once more (a second node, or a restart): the idempotent listener books nothing twice.
        doCallRealMethod().when(cards).openAccount(any());
        transaction.executeWithoutResult(s -> events.publishEvent(joined));
        await().atMost(Duration.ofSeconds(10)).until(() -> publications(memberId) == 0);
        assertThat(welcomeEntries(memberId)).isEqualTo(1);
        assertThat(balance(memberId)).isEqualTo(100);
    }

    @Test
    void anotherNodesRunMakesThisOneSkip() {
        boolean[] ran = new boolean[1];
        transaction.executeWithoutResult(s -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(" + 0x636c7562_6576L + ")")
                    .query()
                    .singleRow();
            Thread other = new Thread(() -> ran[0] = outstanding.resubmitOlderThan(Duration.ZERO));
            other.start();
            try {
                other.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(ran[0]).as("the lock was held elsewhere").isFalse();
        assertThat(outstanding.resubmitOlderThan(Duration.ZERO)).isTrue();
    }

    private long publications(long memberId) {
        return jdbc.sql("""
                        SELECT count(*) FROM event_publication
                         WHERE event_type = :type AND serialized_event LIKE :member""")
                .param("type", MemberJoined.class.getName())
                .param("member", "%\"memberId\":" + memberId + ",%")
                .query(Long.class)
                .single();
    }

    private long welcomeEntries(long memberId) {
        return jdbc.sql("SELECT count(*) FROM loyalty_ledger_entry WHERE member_id = :m AND source_ref = :ref")
                .param("m", memberId)
                .param("ref", SourceRef.memberJoined(MemberId.of(memberId)).value())
                .query(Long.class)
                .single();
    }

    private long balance(long memberId) {
        return jdbc.sql("SELECT balance FROM loyalty_account WHERE member_id = :m")
                .param("m", memberId)
                .query(Long.class)
                .single();
    }

    private long aMemberRow(String email) {
        Timestamp now = Timestamp.from(Instant.now());
        long application = jdbc.sql("""
                        INSERT INTO membership_application (channel, status, last_name, first_name, email, birth_date,
                               region_code, town, postcode, interests, language, ready_for_interaction, submitted_at)
                        VALUES ('WEB', 'MEMBER_CREATED', 'Иванова', 'Мария', :email, DATE '1990-05-01', '77', 'Москва',
                                '101000', '', 'ru', true, :now)
                        RETURNING id""")
                .param("email", email)
                .param("now", now)
                .query(Long.class)
                .single();
        return jdbc.sql("""
                        INSERT INTO membership_member (member_number, application_id, last_name, first_name, email,
                               birth_date, region_code, town, postcode, interests, language, joined_at)
                        VALUES (nextval('membership_member_number_seq')::text, :application, 'Иванова', 'Мария', :email,
                                DATE '1990-05-01', '77', 'Москва', '101000', '', 'ru', :now)
                        RETURNING id""")
                .param("application", application)
                .param("email", email)
                .param("now", now)
                .query(Long.class)
                .single();
    }
}
