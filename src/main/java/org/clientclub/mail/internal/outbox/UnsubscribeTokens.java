package org.clientclub.mail.internal.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.clientclub.shared.SecureTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tokens of unsubscribe links. Every message gets a token of its own: only its SHA-256 is kept, so the plain
 * token exists in the message alone and a copy of the database unsubscribes nobody (decision 0023).
 */
@Component
public class UnsubscribeTokens {

    private final JdbcClient jdbc;

    public UnsubscribeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the token of a message written to the outbox; the recipient row exists already. */
    public void keep(String token, String email, Instant now) {
        jdbc.sql("INSERT INTO mail_unsubscribe_token (token_hash, email, created_at) VALUES (:hash, :email, :now)")
                .param("hash", SecureTokens.sha256(token))
                .param("email", email)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** @return the address the token was sent to; empty for a malformed or unknown token */
    public Optional<String> emailOf(String token) {
        if (!SecureTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT email FROM mail_unsubscribe_token WHERE token_hash = :hash")
                .param("hash", SecureTokens.sha256(token))
                .query(String.class)
                .optional();
    }
}
