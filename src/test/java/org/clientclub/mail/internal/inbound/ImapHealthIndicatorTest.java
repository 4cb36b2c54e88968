package org.clientclub.mail.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The club mailbox reader's health from what the reader last saw: it never connects itself. */
class ImapHealthIndicatorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration POLL = Duration.ofSeconds(30);

    private final ReaderStatus status = new ReaderStatus();

    private Health health(boolean enabled, boolean running) {
        return new ImapHealthIndicator(() -> status.snapshot(enabled, running), POLL, CLOCK).health();
    }

    @Test
    void aReaderSwitchedOffIsUpAndSaysSo() {
        Health health = health(false, false);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("reader", "disabled");
    }

    @Test
    void aReaderThatHasNotLookedYetIsUnknown() {
        assertThat(health(true, true).getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aRecentLookThatWorkedIsUp() {
        status.succeeded(NOW.minusSeconds(20));

        Health health = health(true, true);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("lastSuccess", NOW.minusSeconds(20).toString());
    }

    @Test
    void aFailureAfterTheLastSuccessIsDownWithTheErrorMadeSafeForALog() {
        status.succeeded(NOW.minusSeconds(50));
        status.failed(NOW.minusSeconds(10), new MessagingException("Connection refused\r\nINFO forged"));

        Health health = health(true, true);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reader", "failing");
        assertThat((String) health.getDetails().get("lastError"))
                .contains("Connection refused")
                .doesNotContain("\n", "\r");
    }

    @Test
    void aSuccessAfterAFailureIsUpAgainAndKeepsTheErrorForTheRecord() {
        status.failed(NOW.minusSeconds(50), new MessagingException("Connection refused"));
        status.succeeded(NOW.minusSeconds(10));

        Health health = health(true, true);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKey("lastError");
    }

    @Test
    void noSuccessfulLookForLongerThanThreePollIntervalsOrTwoMinutesIsDown() {
        status.succeeded(NOW.minus(Duration.ofSeconds(119)));
        assertThat(health(true, true).getStatus()).isEqualTo(Status.UP);

        status.succeeded(NOW.minus(Duration.ofSeconds(121)));
        assertThat(health(true, true).getStatus()).isEqualTo(Status.DOWN);
        assertThat(health(true, true).getDetails()).containsEntry("reader", "silent");
    }

    @Test
    void aStoppedReaderIsDown() {
        status.succeeded(NOW.minusSeconds(5));

        assertThat(health(true, false).getStatus()).isEqualTo(Status.DOWN);
    }
}
