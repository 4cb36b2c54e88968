package org.clientclub.loyalty;

import java.time.Instant;

/**
 * The member's card link as staff see it.
 *
 * @param issuedAt  when the current link was sent; null when none was
 * @param expiresAt when it stops (or stopped) opening the card page; null when none was sent
 */
public record CardLinkState(Status status, Instant issuedAt, Instant expiresAt) {

    public enum Status {
        /** No link was ever sent (a member who joined before card links, or whose welcome is still due). */
        NONE,
        ACTIVE,
        EXPIRED,
        /** Staff revoked it; it opens nothing until a new one is sent. */
        REVOKED
    }
}
