package org.clientclub.mail.internal.outbox;

import java.util.Optional;
import org.clientclub.shared.SecureTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tokens of unsubscribe links. Every message gets a token of its own: only its SHA-256 is kept, so the plain
 * token exists in the message alone and a copy of the database unsubscribes nobody (decision 0023). {@link
 * OutboxWriter} writes a token together with its message.
 */
@Component
public class UnsubscribeTokens {

    private final JdbcClient jdbc;

    public UnsubscribeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
