package org.clientclub.loyalty;

import java.time.Instant;

/**
 * A decision table that says how many points members earn, as deployed now.
 *
 * @param decisionId ActivityPoints or PurchasePoints
 * @param deployedBy the manager who uploaded this version; null when it came with a release of the application
 */
public record EarningRule(String decisionId, int version, Instant deployedAt, String deployedBy) {}
