package org.clientclub.membership.internal.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.clientclub.shared.SecureTokens;
import org.springframework.data.domain.Persistable;

/**
 * A one-time link sent by e-mail, made by {@link SecureTokens}: only the token's hash is stored. An issued token is
 * new to the repository, which then inserts it without first looking for it by its (assigned) id.
 */
@Entity
@Table(name = "membership_token")
public class LinkToken implements Persistable<String> {

    public static final String CONFIRM_EMAIL = "CONFIRM_EMAIL";
    public static final String GUARDIAN_CONSENT = "GUARDIAN_CONSENT";

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(nullable = false, updatable = false)
    private String purpose;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Transient
    private boolean issued;

    protected LinkToken() {}

    private LinkToken(String tokenHash, long applicationId, String purpose, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.applicationId = applicationId;
        this.purpose = purpose;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.issued = true;
    }

    /** A new token; the plain value goes into the e-mail and is not kept. */
    public record Issued(String plain, LinkToken token) {}

    public static Issued issue(long applicationId, String purpose, Instant now, Instant expiresAt) {
        String plain = SecureTokens.newToken();
        return new Issued(plain, new LinkToken(hash(plain), applicationId, purpose, now, expiresAt));
    }

    public static boolean wellFormed(String plain) {
        return SecureTokens.wellFormed(plain);
    }

    public static String hash(String plain) {
        return SecureTokens.sha256(plain);
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public void use(Instant now) {
        usedAt = now;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public String getPurpose() {
        return purpose;
    }

    @Override
    public String getId() {
        return tokenHash;
    }

    @Override
    public boolean isNew() {
        return issued;
    }

    @PostLoad
    @PostPersist
    void stored() {
        issued = false;
    }
}
