package org.clientclub.ideas.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.clientclub.membership.MemberId;
import org.clientclub.shared.SecureTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Members' personal proposal links ({@link SecureTokens}: only the hash is kept). Every club e-mail that carries one
 * gets a link of its own, valid for {@code clientclub.ideas.link-validity}, so the link of last month's e-mail still
 * opens the page and a leaked one stops opening it in time.
 */
@Component
class IdeaLinks {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration validity;
    private final String publicBaseUrl;

    IdeaLinks(
            JdbcClient jdbc,
            Clock clock,
            @Value("${clientclub.ideas.link-validity:P365D}") Duration validity,
            @Value("${clientclub.public-base-url}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.validity = validity;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** @return the link's address, with a token that is not kept */
    String issue(MemberId member) {
        String token = SecureTokens.newToken();
        jdbc.sql("INSERT INTO ideas_link (token_hash, member_id, created_at) VALUES (:h, :m, :now)")
                .param("h", SecureTokens.sha256(token))
                .param("m", member.value())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return publicBaseUrl + "/ideas/new/" + token;
    }

    /** @return the member whose link it is, while it opens the page; empty for a malformed, unknown, old or revoked one */
    Optional<MemberId> memberOf(String token) {
        if (!SecureTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT member_id FROM ideas_link
                         WHERE token_hash = :h AND revoked_at IS NULL AND created_at > :oldest""")
                .param("h", SecureTokens.sha256(token))
                .param("oldest", Timestamp.from(clock.instant().minus(validity)))
                .query(Long.class)
                .optional()
                .map(MemberId::of);
    }
}
