package org.clientclub.mail.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.clientclub.mail.OutboxStatus;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void backsOffExponentiallyAndGivesUpAfterTheLastAttempt() {
        OutboxMessage message = new OutboxMessage();

        message.markAttemptFailed("connection refused", NOW, 4);
        assertThat(message.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofSeconds(30)));
        message.markAttemptFailed("connection refused", NOW, 4);
        assertThat(message.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofSeconds(60)));
        message.markAttemptFailed("connection refused", NOW, 4);
        assertThat(message.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofSeconds(120)));
        assertThat(message.getStatus()).isNull();

        message.markAttemptFailed("550 mailbox unavailable", NOW, 4);
        assertThat(message.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(message.getAttempts()).isEqualTo(4);
        assertThat(message.getLastError()).isEqualTo("550 mailbox unavailable");
    }

    @Test
    void neverWaitsLongerThanSixHours() {
        OutboxMessage message = new OutboxMessage();
        for (int i = 0; i < 30; i++) {
            message.markAttemptFailed("down", NOW, 100);
        }
        assertThat(message.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
    }

    @Test
    void onlyAFailedMessageCanBeSentAgainAndThenStartsAfresh() {
        OutboxMessage message = new OutboxMessage();
        assertThatThrownBy(() -> message.resend(NOW)).isInstanceOf(IllegalStateException.class);

        message.markAttemptFailed("down", NOW, 1);
        message.resend(NOW);

        assertThat(message.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(message.getAttempts()).isZero();
        assertThat(message.getNextAttemptAt()).isEqualTo(NOW);
    }

    @Test
    void keepsLongErrorsShortEnoughForTheColumn() {
        OutboxMessage message = new OutboxMessage();
        message.markAttemptFailed("x".repeat(5000), NOW, 3);
        assertThat(message.getLastError()).hasSize(2000);
    }

    @Test
    void aSentMessageKeepsNoBodyButAFailedOneKeepsItsForTheNextAttempt() {
        OutboxMessage failed = new OutboxMessage();
        failed.markAttemptFailed("down", NOW, 1);
        assertThat(failed.isBodyDiscarded()).isFalse();

        OutboxMessage sent = new OutboxMessage();
        sent.markSent(NOW);

        assertThat(sent.isBodyDiscarded()).isTrue();
        assertThat(sent.getBodyHtml()).isEmpty();
        assertThat(sent.getBodyText()).isEmpty();
        assertThat(sent.getListUnsubscribe()).isNull();
    }
}
