package org.clientclub.mail.internal.outbox;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog, {@code outbox} in /actuator/health, from the {@link OutboxFigures} in memory: DOWN when a mail
 * has waited longer than {@code clientclub.health.outbox-overdue-after} (15 minutes), because then members wait for
 * their confirmations and an operator should look (decision 0032 says why DOWN and not OUT_OF_SERVICE), and while the
 * sender finds the SMTP server unreachable ({@link SmtpOutage}, with since when and the last error); UNKNOWN
 * before the first figures or when they are older than three refresh intervals; UP otherwise.
 */
@Component("outboxHealthIndicator")
class OutboxHealthIndicator implements HealthIndicator {

    private final OutboxFigures figures;
    private final SmtpOutage outage;
    private final Clock clock;
    private final Duration stale;

    OutboxHealthIndicator(
            OutboxFigures figures,
            SmtpOutage outage,
            Clock clock,
            @Value("${clientclub.metrics.refresh-interval:PT30S}") Duration refreshInterval) {
        this.figures = figures;
        this.outage = outage;
        this.clock = clock;
        this.stale = refreshInterval.multipliedBy(3);
    }

    @Override
    public Health health() {
        Health.Builder health = backlog();
        outage.unreachableSince()
                .ifPresent(since -> health.down()
                        .withDetail("smtpUnreachableSince", since.toString())
                        .withDetail("smtpLastError", outage.lastError().orElse("")));
        return health.build();
    }

    private Health.Builder backlog() {
        OutboxFigures.Snapshot latest = figures.latest();
        if (latest == null) {
            return Health.unknown().withDetail("figures", "not read yet");
        }
        Health.Builder health;
        if (latest.at().isBefore(clock.instant().minus(stale))) {
            health = Health.unknown().withDetail("figures", "stale");
        } else if (latest.overdue() > 0) {
            health = Health.down();
        } else {
            health = Health.up();
        }
        return health.withDetail("pending", latest.pending())
                .withDetail("overdue", latest.overdue())
                .withDetail("overdueAfter", figures.overdueAfter().toString())
                .withDetail("oldestPendingSeconds", (long) latest.oldestPendingSeconds())
                .withDetail("figuresAt", latest.at().toString());
    }
}
