package org.clientclub.membership.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A one-time link sent by e-mail. The link carries 256 random bits; only their SHA-256 is stored, so a copy of
 * the database (or a log of this table) opens nothing.
 */
@Entity
@Table(name = "membership_token")
public class LinkToken {

    public static final String CONFIRM_EMAIL = "CONFIRM_EMAIL";
    public static final String GUARDIAN_CONSENT = "GUARDIAN_CONSENT";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Base64url of 32 bytes; anything else is not one of ours and is rejected before hashing. */
    private static final int TOKEN_LENGTH = 43;

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

    protected LinkToken() {
    }

    private LinkToken(String tokenHash, long applicationId, String purpose, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.applicationId = applicationId;
        this.purpose = purpose;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** A new token; the plain value goes into the e-mail and is not kept. */
    public record Issued(String plain, LinkToken token) {
    }

    public static Issued issue(long applicationId, String purpose, Instant now, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(plain, new LinkToken(hash(plain), applicationId, purpose, now, expiresAt));
    }

    public static boolean wellFormed(String plain) {
        return plain != null && plain.length() == TOKEN_LENGTH && plain.matches("[A-Za-z0-9_-]+");
    }

    public static String hash(String plain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    public Long getApplicationId() { return applicationId; }
    public String getPurpose() { return purpose; }
}
