package org.clientclub.loyalty.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clientclub.loyalty.CardLinkState;
import org.clientclub.mail.MailService;
import org.clientclub.mail.OutgoingMail;
import org.clientclub.membership.MemberContact;
import org.clientclub.membership.MemberContacts;
import org.clientclub.membership.MemberId;
import org.clientclub.shared.ClubTime;
import org.clientclub.shared.EmailAddress;
import org.clientclub.shared.Language;
import org.clientclub.shared.SecureTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links to a member's card page ({@link SecureTokens}: only the hash is stored). One link per member: a new one
 * replaces the previous one. A link opens the page for {@code clientclub.loyalty.card-link-validity} after it was
 * issued, and not at all once staff revoked it (decision 0023): a forwarded or leaked e-mail does not show the
 * member's card and history for ever.
 */
@Component
public class CardLinks {

    private final JdbcClient jdbc;
    private final MailService mail;
    private final MemberContacts contacts;
    private final Clock clock;
    private final Duration validity;
    private final String publicBaseUrl;

    public CardLinks(
            JdbcClient jdbc,
            MailService mail,
            MemberContacts contacts,
            Clock clock,
            @Value("${clientclub.loyalty.card-link-validity:P365D}") Duration validity,
            @Value("${clientclub.public-base-url}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.contacts = contacts;
        this.clock = clock;
        this.validity = validity;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** @return the link's address, with a token that is not kept */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(long memberId) {
        String token = SecureTokens.newToken();
        jdbc.sql("""
                        INSERT INTO loyalty_card_link (member_id, token_hash, created_at) VALUES (:m, :h, :now)
                        ON CONFLICT (member_id) DO UPDATE
                           SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at, revoked_at = NULL""")
                .param("m", memberId)
                .param("h", SecureTokens.sha256(token))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return publicBaseUrl + "/card/" + token;
    }

    /** Replaces the member's link with a new one and mails it to them, through the outbox in this transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void renew(long memberId) {
        MemberContact contact = contacts.of(MemberId.of(memberId)).orElseThrow();
        String url = issue(memberId);
        // Each renewal is a new message: its key names the renewal, not the member.
        mail.enqueue(OutgoingMail.transactional(
                "card-link:" + memberId + ":" + UUID.randomUUID(),
                new EmailAddress(contact.email()),
                Language.fromCode(contact.language()),
                "card-link",
                Map.of(
                        "name",
                        contact.firstName(),
                        "cardUrl",
                        url,
                        "validUntil",
                        LocalDate.ofInstant(expiry(clock.instant()), ClubTime.ZONE))));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void revoke(long memberId) {
        jdbc.sql("UPDATE loyalty_card_link SET revoked_at = :now WHERE member_id = :m AND revoked_at IS NULL")
                .param("m", memberId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** @return the member of a link that opens the page now; empty for a malformed, unknown, expired or revoked one */
    public Optional<Long> memberOf(String token) {
        if (!SecureTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT member_id FROM loyalty_card_link
                         WHERE token_hash = :h AND revoked_at IS NULL AND created_at > :oldest""")
                .param("h", SecureTokens.sha256(token))
                .param("oldest", Timestamp.from(clock.instant().minus(validity)))
                .query(Long.class)
                .optional();
    }

    public CardLinkState state(long memberId) {
        return jdbc.sql("SELECT created_at, revoked_at FROM loyalty_card_link WHERE member_id = :m")
                .param("m", memberId)
                .query((rs, i) -> {
                    Instant issued = rs.getTimestamp("created_at").toInstant();
                    Instant expires = expiry(issued);
                    CardLinkState.Status status = rs.getTimestamp("revoked_at") != null
                            ? CardLinkState.Status.REVOKED
                            : clock.instant().isBefore(expires)
                                    ? CardLinkState.Status.ACTIVE
                                    : CardLinkState.Status.EXPIRED;
                    return new CardLinkState(status, issued, expires);
                })
                .optional()
                .orElse(new CardLinkState(CardLinkState.Status.NONE, null, null));
    }

    private Instant expiry(Instant issued) {
        return issued.plus(validity);
    }
}
