package org.clientclub.db;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.clientclub.shared.SecureTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V24 on a database that ran the club before it (in a schema of its own): plain unsubscribe tokens become hashes
 * that still open the links already delivered, sent bodies go, unsent ones stay to be sent (decision 0023).
 */
@SpringBootTest
class SecretsMigrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private ScratchSchema scratch;
    private String schema;

    @BeforeEach
    void scratchSchema() {
        scratch = new ScratchSchema("v24", dataSource, jdbc);
        schema = scratch.name;
    }

    @AfterEach
    void dropSchema() {
        scratch.close();
    }

    @Test
    void plainUnsubscribeTokensBecomeHashesAndSentBodiesGo() {
        scratch.migrateTo(scratch.versionBefore("24"));
        String token = SecureTokens.newToken();
        jdbc.sql("INSERT INTO " + schema + ".mail_recipient (email, unsubscribe_token) VALUES ('a@example.org', :t)")
                .param("t", token)
                .update();
        outbox("sent", "SENT", "<a href=\"https://club/card/secret\">card</a>");
        outbox("pending", "PENDING", "<a href=\"https://club/confirm/secret\">confirm</a>");
        jdbc.sql("INSERT INTO " + schema + ".mail_outbox_inline (outbox_id, content_id, content_type, data) "
                        + "SELECT id, 'cardBarcode', 'image/png', '\\x89'::bytea FROM " + schema + ".mail_outbox")
                .update();

        scratch.migrateTo("24");

        assertThat(jdbc.sql("SELECT email FROM " + schema + ".mail_unsubscribe_token WHERE token_hash = :h")
                        .param("h", SecureTokens.sha256(token))
                        .query(String.class)
                        .optional())
                .as("the delivered link still unsubscribes, by its hash")
                .contains("a@example.org");
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_schema = :s "
                                + "AND table_name = 'mail_recipient' AND column_name = 'unsubscribe_token'")
                        .param("s", schema)
                        .query(Long.class)
                        .single())
                .as("the plain tokens are gone")
                .isZero();
        assertThat(jdbc.sql("SELECT body_html || body_text || coalesce(list_unsubscribe, '') || '/' "
                                + "|| (body_discarded_at IS NOT NULL) FROM " + schema
                                + ".mail_outbox WHERE idempotency_key = 'sent'")
                        .query(String.class)
                        .single())
                .isEqualTo("/true");
        assertThat(jdbc.sql("SELECT body_html FROM " + schema + ".mail_outbox WHERE idempotency_key = 'pending'")
                        .query(String.class)
                        .single())
                .as("a message not sent yet keeps what it is to send")
                .contains("/confirm/secret");
        assertThat(jdbc.sql("SELECT m.idempotency_key FROM " + schema + ".mail_outbox_inline i JOIN " + schema
                                + ".mail_outbox m ON m.id = i.outbox_id")
                        .query(String.class)
                        .list())
                .containsExactly("pending");
    }

    private void outbox(String key, String status, String html) {
        jdbc.sql("INSERT INTO " + schema + """
                        .mail_outbox (idempotency_key, recipient, language, template, kind, subject, body_html, body_text,
                                      message_id, list_unsubscribe, status, attempts, next_attempt_at, created_at, sent_at)
                        VALUES (:key, 'a@example.org', 'ru', 'welcome', 'TRANSACTIONAL', 'Тема', :html, :html, :key,
                                'https://club/unsubscribe/x', :status, 1, now(), now(),
                                CASE WHEN :status = 'SENT' THEN now() END)""")
                .param("key", key)
                .param("html", html)
                .param("status", status)
                .update();
    }
}
