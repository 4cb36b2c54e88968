package org.clientclub.db;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V28: the reasons the intake stored for robots and forged senders become mail's own, the intake's stay. */
@SpringBootTest
class MailReasonsMigrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private ScratchSchema scratch;

    @BeforeEach
    void scratchSchema() {
        scratch = new ScratchSchema("v28", dataSource, jdbc);
    }

    @AfterEach
    void dropSchema() {
        scratch.close();
    }

    @Test
    void robotsAndForgeriesGetMailsReasonsAndTheIntakesReasonsStay() {
        scratch.migrateTo(scratch.versionBefore("28"));
        inbound("bulk", "IGNORED", "intake.reason.bulk");
        inbound("forged", "IGNORED", "intake.reason.forgedSender");
        inbound("robot", "IGNORED", "intake.reason.mailingList");
        inbound("suppressed", "IGNORED", "intake.reason.autoRepliesSuppressed");
        inbound("rejected", "ANSWERED", "intake.reason.noAttachment");
        inbound("busy", "IGNORED", "mailbox.reason.tooManyFromSender");

        scratch.migrateTo("28");

        assertThat(jdbc.sql("SELECT dedupe_key || '=' || reason FROM " + scratch.name
                                + ".mail_inbound ORDER BY dedupe_key")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "bulk=mailbox.reason.bulk",
                        "busy=mailbox.reason.tooManyFromSender",
                        "forged=mailbox.reason.forgedSender",
                        "rejected=intake.reason.noAttachment",
                        "robot=mailbox.reason.mailingList",
                        "suppressed=intake.reason.autoRepliesSuppressed");
    }

    private void inbound(String key, String outcome, String reason) {
        jdbc.sql("INSERT INTO " + scratch.name + """
                        .mail_inbound (dedupe_key, received_at, size, raw, outcome, reason)
                        VALUES (:key, now(), 1, '\\x41'::bytea, :outcome, :reason)""")
                .param("key", key)
                .param("outcome", outcome)
                .param("reason", reason)
                .update();
    }
}
