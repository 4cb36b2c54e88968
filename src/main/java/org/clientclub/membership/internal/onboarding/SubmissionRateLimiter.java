package org.clientclub.membership.internal.onboarding;

import java.time.Duration;
import org.clientclub.shared.db.RateCounters;
import org.clientclub.shared.web.ClientAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaires per client address (an IPv4 address, an IPv6 /64) and hour, counted in the database so that
 * every node enforces the same limit and no flood of addresses can evict a counter
 * (docs/decisions/0022-limits-counted-in-the-database.md).
 */
@Component
public class SubmissionRateLimiter {

    private final RateCounters counters;
    private final int perHour;

    public SubmissionRateLimiter(
            RateCounters counters, @Value("${clientclub.join.rate-limit-per-hour:20}") int perHour) {
        this.counters = counters;
        this.perHour = perHour;
    }

    /**
     * Takes one submission from the address's allowance, in the caller's transaction; the caller commits it
     * also when it refuses the questionnaire, so that invalid attempts count too. (A transaction of its own would
     * take a second connection per request, and a flood holding every connection would then wait for ever.)
     *
     * @return false when the allowance is used up
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tryAcquire(String clientAddress) {
        return counters.tryAcquire("join:" + ClientAddress.rateLimitKey(clientAddress), Duration.ofHours(1), perHour);
    }
}
