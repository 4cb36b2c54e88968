package org.clientclub.loyalty.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.clientclub.shared.SecureTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links to a member's card page ({@link SecureTokens}: only the hash is stored). A new link replaces the
 * member's previous one.
 */
@Component
public class CardLinks {

    private final JdbcClient jdbc;
    private final Clock clock;

    public CardLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the token for the link; it is not kept */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(long memberId) {
        String token = SecureTokens.newToken();
        jdbc.sql("""
                        INSERT INTO loyalty_card_link (member_id, token_hash, created_at) VALUES (:m, :h, :now)
                        ON CONFLICT (member_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at""")
                .param("m", memberId).param("h", SecureTokens.sha256(token)).param("now", Timestamp.from(clock.instant())).update();
        return token;
    }

    public Optional<Long> memberOf(String token) {
        if (!SecureTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT member_id FROM loyalty_card_link WHERE token_hash = :h").param("h", SecureTokens.sha256(token))
                .query(Long.class).optional();
    }
}
