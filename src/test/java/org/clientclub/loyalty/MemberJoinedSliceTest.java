package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.clientclub.mail.MailService;
import org.clientclub.membership.MemberContacts;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.MemberJoined;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The contract between membership and loyalty, with loyalty (and the shared kernel) alone in the context: a
 * published {@link MemberJoined} opens the member's account and card and books the welcome bonus once. The other
 * modules' beans loyalty calls are mocks; the member's row is written as membership would have written it.
 */
@ApplicationModuleTest
// The health groups name contributors of modules a slice does not boot (the engine's, the mail server's).
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class MemberJoinedSliceTest {

    @MockitoBean
    MembershipService membership;

    @MockitoBean
    MemberContacts contacts;

    @MockitoBean
    MailService mail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberWhoJoinedGetsAnAccountACardAndTheWelcomeBonusOnce(Scenario scenario) {
        long memberId = aMemberRow(TestQuestionnaires.newEmail());
        MemberJoined joined =
                new MemberJoined(MemberId.of(memberId), "M" + memberId, "x@example.org", "ru", Instant.now());

        scenario.publish(joined)
                .andWaitForStateChange(() -> welcomeEntries(memberId), entries -> !entries.isEmpty())
                .andVerify(entries -> {
                    assertThat(entries).containsExactly(100L);
                    assertThat(balance(memberId)).isEqualTo(100);
                    assertThat(activeCards(memberId)).isEqualTo(1);
                });

        scenario.publish(joined)
                .andWaitForStateChange(() -> outstandingPublications(memberId), outstanding -> outstanding == 0)
                .andVerify(outstanding -> {
                    assertThat(welcomeEntries(memberId))
                            .as("the same event again books nothing")
                            .containsExactly(100L);
                    assertThat(balance(memberId)).isEqualTo(100);
                    assertThat(activeCards(memberId)).isEqualTo(1);
                });
    }

    private List<Long> welcomeEntries(long memberId) {
        return jdbc.sql("SELECT points FROM loyalty_ledger_entry WHERE member_id = :m AND source_ref = :ref")
                .param("m", memberId)
                .param("ref", SourceRef.memberJoined(MemberId.of(memberId)).value())
                .query(Long.class)
                .list();
    }

    private long balance(long memberId) {
        return jdbc.sql("SELECT balance FROM loyalty_account WHERE member_id = :m")
                .param("m", memberId)
                .query(Long.class)
                .single();
    }

    private long activeCards(long memberId) {
        return jdbc.sql("SELECT count(*) FROM loyalty_card WHERE member_id = :m AND status = 'ACTIVE'")
                .param("m", memberId)
                .query(Long.class)
                .single();
    }

    /**
     * Deliveries of MemberJoined to loyalty's listener for this member not yet completed: a completed one is deleted
     * (spring.modulith.events.completion-mode=delete).
     */
    private long outstandingPublications(long memberId) {
        return jdbc.sql("""
                        SELECT count(*) FROM event_publication
                         WHERE event_type = :type AND serialized_event LIKE :member""")
                .param("type", MemberJoined.class.getName())
                .param("member", "%\"memberId\":" + memberId + ",%")
                .query(Long.class)
                .single();
    }

    /** The rows membership writes for a member: the application and the member it became. */
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
