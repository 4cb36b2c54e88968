package org.clientclub.membership.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Questionnaires per client address and hour. The buckets live in this node's memory and the map is bounded,
 * so a flood of addresses cannot exhaust it; with several nodes each enforces its own share, which is enough to
 * stop a script (docs/decisions/0004-join-rate-limit.md).
 */
@Component
public class SubmissionRateLimiter {

    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final int perHour;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED_ADDRESSES;
        }
    };

    public SubmissionRateLimiter(@Value("${clientclub.join.rate-limit-per-hour:20}") int perHour) {
        this.perHour = perHour;
    }

    /** Takes one submission from the address's allowance. @return false when the allowance is used up */
    public synchronized boolean tryAcquire(String clientAddress) {
        String key = clientAddress == null ? "unknown" : clientAddress;
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                        .build())
                .tryConsume(1);
    }
}
