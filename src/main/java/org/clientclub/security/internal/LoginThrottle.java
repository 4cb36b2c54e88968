package org.clientclub.security.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.clientclub.shared.web.ClientAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed staff log-ins, counted per client address and per user name, each in a bucket that refills over a few
 * minutes. This is the only lock-out: the engine's own, which locked an account for good after ten wrong passwords
 * from anyone, is off (application.yaml). A stranger's guesses use up their address's allowance long before the
 * user name's, so one address cannot lock anyone out, and a name tried from many addresses waits minutes, not
 * forever. Addresses are keyed as the join limit keys them (IPv6 by /64). The buckets live in this node's bounded memory, as the join limit's do (docs/decisions/0021).
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 10_000;
    /** A user name longer than any account's is still one key, not a megabyte of one. */
    private static final int MAX_NAME_KEY = 100;

    private final Bandwidth perAddress;
    private final Bandwidth perName;
    private final TimeMeter time;
    private final Map<String, Bucket> addresses = bounded();
    private final Map<String, Bucket> names = bounded();

    LoginThrottle(
            @Value("${clientclub.login.failures-per-address:10}") int failuresPerAddress,
            @Value("${clientclub.login.failures-per-user:30}") int failuresPerUser,
            @Value("${clientclub.login.throttle-window:PT15M}") Duration window,
            Clock clock) {
        this.perAddress = Bandwidth.builder()
                .capacity(failuresPerAddress)
                .refillGreedy(failuresPerAddress, window)
                .build();
        this.perName = Bandwidth.builder()
                .capacity(failuresPerUser)
                .refillGreedy(failuresPerUser, window)
                .build();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return Duration.ofMillis(clock.millis()).toNanos();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Whether a log-in from the address as the user may try its password now. */
    synchronized boolean allows(String clientAddress, String username) {
        return bucket(addresses, ClientAddress.rateLimitKey(clientAddress), perAddress)
                                .getAvailableTokens()
                        > 0
                && bucket(names, nameKey(username), perName).getAvailableTokens() > 0;
    }

    /** Counts a wrong password (or an unknown user) against both the address and the user name. */
    synchronized void failed(String clientAddress, String username) {
        bucket(addresses, ClientAddress.rateLimitKey(clientAddress), perAddress).tryConsume(1);
        bucket(names, nameKey(username), perName).tryConsume(1);
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, Bandwidth limit) {
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(limit)
                        .withCustomTimePrecision(time)
                        .build());
    }

    private static String nameKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > MAX_NAME_KEY ? name.substring(0, MAX_NAME_KEY) : name;
    }

    private static Map<String, Bucket> bounded() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }
}
