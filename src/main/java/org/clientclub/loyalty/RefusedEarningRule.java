package org.clientclub.loyalty;

import java.time.Instant;

/**
 * An uploaded earning table that was refused, kept with why.
 *
 * @param reason a message key (rules.invalid.*, decision.refused.*) that takes {@code detail} as its argument
 */
public record RefusedEarningRule(long id, String uploadedBy, Instant uploadedAt, String reason, String detail) {}
