package org.clientclub.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Wrong passwords slow down whoever sends them; they never lock an account for good. */
class LoginThrottleTest {

    private static final String STRANGER = "203.0.113.9";

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(10, 30, Duration.ofMinutes(15), clock);

    @Test
    void aStrangerIsThrottledAfterTenWrongPasswordsWhateverNameTheyTryNext() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.allows(STRANGER, "admin")).isTrue();
            throttle.failed(STRANGER, "admin");
        }

        assertThat(throttle.allows(STRANGER, "admin")).isFalse();
        assertThat(throttle.allows(STRANGER, "staff")).isFalse();
    }

    @Test
    void aStrangersWrongPasswordsForAdminDoNotStopAdminFromAnotherAddress() {
        for (int i = 0; i < 12; i++) {
            throttle.failed(STRANGER, "admin");
        }

        assertThat(throttle.allows("198.51.100.7", "admin")).isTrue();
    }

    @Test
    void aNameTriedFromManyAddressesWaitsMinutesNotForever() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("198.51.100." + i, "Admin ");
        }
        assertThat(throttle.allows("192.0.2.1", "admin"))
                .as("names are keyed as typed, case and spaces aside")
                .isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.allows("192.0.2.1", "admin")).isTrue();

        for (int i = 0; i < 30; i++) {
            throttle.failed("192.0.2." + (i + 10), "admin");
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.allows("192.0.2.1", "admin")).isTrue();
    }

    @Test
    void aStrangerWaitsMinutesToo() {
        for (int i = 0; i < 10; i++) {
            throttle.failed(STRANGER, "guess" + i);
        }
        clock.advance(Duration.ofMinutes(2));

        assertThat(throttle.allows(STRANGER, "admin")).isTrue();
    }

    @Test
    void anIpv6ClientCannotStepThroughItsSlash64() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("2001:db8:1:2::" + Integer.toHexString(i + 1), "admin");
        }

        assertThat(throttle.allows("2001:db8:1:2:ffff:ffff:ffff:ffff", "staff")).isFalse();
        assertThat(throttle.allows("2001:db8:1:3::1", "staff")).isTrue();
    }

    @Test
    void aMegabyteUserNameIsOneKeyNotAMegabyteOfMemory() {
        String huge = "a".repeat(1_000_000);
        for (int i = 0; i < 30; i++) {
            throttle.failed("198.51.100." + i, huge);
        }

        assertThat(throttle.allows("192.0.2.1", huge.substring(0, 100) + "b")).isFalse();
    }

    /** A clock the test moves on. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
