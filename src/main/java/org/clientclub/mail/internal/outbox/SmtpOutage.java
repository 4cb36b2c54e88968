package org.clientclub.mail.internal.outbox;

import jakarta.mail.AuthenticationFailedException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.stereotype.Component;

/**
 * What this node knows about the SMTP server being away: when a connection last failed and since when it has been
 * failing. The sender waits while the server is away (30 s at first, then as long as the outage has lasted, at
 * most {@link #LONGEST_PAUSE}), and the messages it could not hand over count no attempt (decision 0031).
 */
@Component
public class SmtpOutage {

    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);

    private @Nullable Instant since;
    private @Nullable Instant lastFailure;
    private @Nullable String lastError;

    /** When a connection to the SMTP server last failed on this node; empty if none has since it started. */
    public synchronized Optional<Instant> lastConnectionFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** Since when the server has been unreachable; empty while the last connection worked. */
    public synchronized Optional<Instant> unreachableSince() {
        return Optional.ofNullable(since);
    }

    public synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    synchronized void connectionFailed(Instant now, @Nullable String error) {
        if (since == null) {
            since = now;
        }
        lastFailure = now;
        lastError = error;
    }

    synchronized void connected() {
        since = null;
    }

    /** How long to leave the server alone now. */
    synchronized Duration pause(Instant now) {
        if (since == null) {
            return Duration.ZERO;
        }
        Duration lasted = Duration.between(since, now);
        if (lasted.compareTo(FIRST_PAUSE) < 0) {
            return FIRST_PAUSE;
        }
        return lasted.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : lasted;
    }

    /** Whether the server is to be left alone until the pause after the last failure is over. */
    synchronized boolean pausing(Instant now) {
        return since != null && lastFailure != null && now.isBefore(lastFailure.plus(pause(lastFailure)));
    }

    /**
     * Whether the failure happened before the server took the message: no connection, no log-in, a time-out or a
     * dropped connection, or a 421 (the server is closing). A rejection of the message itself (550 for its
     * recipient) is not.
     */
    static boolean isConnectionFailure(@Nullable Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof MailConnectException
                    || t instanceof MailAuthenticationException
                    || t instanceof AuthenticationFailedException
                    || t instanceof IOException) {
                return true;
            }
            if (t instanceof SMTPSendFailedException smtp && smtp.getReturnCode() == 421) {
                return true;
            }
        }
        return false;
    }
}
