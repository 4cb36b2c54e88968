package org.clientclub.mail.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.clientclub.mail.OutboxStatus;
import org.eclipse.angus.mail.util.MailConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An SMTP outage never fails mail for good: against a port that refuses, however often the sender tries over
 * hours, the mail stays pending with no attempt counted and goes out once a server listens there; only after the
 * give-up span is it failed. A rejection of one message by the server still counts as that message's attempt.
 */
class OutboxOutageTest {

    private static final Duration GIVE_UP = Duration.ofDays(3);
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private final List<OutboxMessage> rows = new ArrayList<>();
    private final SmtpOutage outage = new SmtpOutage();
    private Instant now = START;
    private GreenMail server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void anOutageOfManyTriesLeavesMailPendingAndItGoesOutWhenTheServerIsBack() throws Exception {
        int port = freePort();
        OutboxSender sender = sender(smtp(port));
        rows.add(message("a@example.org"));
        rows.add(message("b@example.org"));

        // Sixteen hours down, a try every pause the sender asks for (and more: a poll between pauses does nothing).
        int tries = 0;
        while (now.isBefore(START.plus(Duration.ofHours(16)))) {
            if (!outage.pausing(now)) {
                sender.sendBatch();
                tries++;
            }
            now = now.plusSeconds(30);
        }
        assertThat(tries).as("backed off, not a try every poll").isBetween(10, 100);
        assertThat(rows).allSatisfy(m -> {
            assertThat(m.getStatus()).isEqualTo(OutboxStatus.PENDING);
            assertThat(m.getAttempts()).as("the server never took it").isZero();
            assertThat(m.getLastError()).containsIgnoringCase("connect");
            assertThat(m.getNextAttemptAt()).isBeforeOrEqualTo(now.plus(SmtpOutage.LONGEST_PAUSE));
        });
        assertThat(outage.unreachableSince()).contains(START);
        assertThat(outage.lastConnectionFailure()).isPresent();

        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        now = now.plus(SmtpOutage.LONGEST_PAUSE);
        sender.sendBatch();

        assertThat(rows).allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(OutboxStatus.SENT));
        assertThat(server.getReceivedMessages()).hasSize(2);
        assertThat(outage.unreachableSince()).isEmpty();
        assertThat(outage.pausing(now)).isFalse();
    }

    @Test
    void mailGivesUpOnlyAfterTheSpan() throws Exception {
        OutboxSender sender = sender(smtp(freePort()));
        OutboxMessage message = message("c@example.org");
        rows.add(message);

        now = START.plus(GIVE_UP).minusSeconds(60);
        sender.sendBatch();
        assertThat(message.getStatus()).isEqualTo(OutboxStatus.PENDING);

        now = START.plus(GIVE_UP);
        sender.sendBatch();
        assertThat(message.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(message.getAttempts()).isZero();
    }

    @Test
    void aRejectionOfTheMessageStillCountsAndGivesUpAfterTheLastAttempt() throws Exception {
        JavaMailSender rejecting = mock(JavaMailSender.class);
        when(rejecting.createMimeMessage()).thenAnswer(i -> new JavaMailSenderImpl().createMimeMessage());
        OutboxMessage message = message("nobody@example.org");
        rows.add(message);
        OutboxSender sender = sender(rejecting);

        for (int i = 1; i <= 3; i++) {
            rejectEveryMessage(rejecting);
            now = message.getNextAttemptAt();
            sender.sendBatch();
            assertThat(message.getAttempts()).isEqualTo(i);
        }
        assertThat(message.getStatus()).as("max-attempts 3 in this test").isEqualTo(OutboxStatus.FAILED);
        assertThat(message.getLastError()).contains("550");
        assertThat(outage.unreachableSince()).as("the server answered").isEmpty();
    }

    @Test
    void knowsAConnectionFailureFromARejection() {
        assertThat(SmtpOutage.isConnectionFailure(new MailSendException(
                        "Mail server connection failed",
                        new MailConnectException(new org.eclipse.angus.mail.util.SocketConnectException(
                                "refused", new java.net.ConnectException(), "h", 25, 1)))))
                .isTrue();
        assertThat(SmtpOutage.isConnectionFailure(new MessagingException("read", new SocketTimeoutException())))
                .isTrue();
        assertThat(SmtpOutage.isConnectionFailure(
                        new MailAuthenticationException(new AuthenticationFailedException("535"))))
                .isTrue();
        assertThat(SmtpOutage.isConnectionFailure(new SendFailedException("550 5.1.1 unknown user")))
                .isFalse();
        assertThat(SmtpOutage.isConnectionFailure(null)).isFalse();
    }

    /** Every message of the next send fails as the server's 550 for its recipient. */
    private static void rejectEveryMessage(JavaMailSender rejecting) {
        org.mockito.Mockito.doAnswer(invocation -> {
                    Map<Object, Exception> failed = new java.util.LinkedHashMap<>();
                    for (Object mime : invocation.getArguments()) {
                        failed.put(mime, new SendFailedException("550 5.1.1 mailbox unavailable"));
                    }
                    throw new MailSendException(failed);
                })
                .when(rejecting)
                .send(any(MimeMessage[].class));
    }

    private OutboxSender sender(JavaMailSender mailSender) throws MessagingException {
        OutboxRepository repository = mock(OutboxRepository.class);
        when(repository.claimDue(any(), anyInt())).thenAnswer(i -> {
            Instant at = i.getArgument(0);
            return rows.stream()
                    .filter(m -> m.getStatus() == OutboxStatus.PENDING
                            && !m.getNextAttemptAt().isAfter(at))
                    .limit((int) i.getArgument(1))
                    .toList();
        });
        TransactionTemplate transaction = mock(TransactionTemplate.class);
        when(transaction.execute(any()))
                .thenAnswer(i -> ((TransactionCallback<?>) i.getArgument(0)).doInTransaction(null));
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new OutboxSender(
                repository,
                mailSender,
                transaction,
                jdbc,
                clock,
                "Club <club@clientclub.local>",
                50,
                3,
                GIVE_UP,
                outage);
    }

    private OutboxMessage message(String to) {
        OutboxMessage message = new OutboxMessage();
        ReflectionTestUtils.setField(message, "id", (long) (rows.size() + 1));
        ReflectionTestUtils.setField(message, "recipient", to);
        ReflectionTestUtils.setField(message, "subject", "Hello");
        ReflectionTestUtils.setField(message, "bodyText", "Text");
        ReflectionTestUtils.setField(message, "bodyHtml", "<p>Text</p>");
        ReflectionTestUtils.setField(message, "messageId", "<" + to + "@clientclub.local>");
        ReflectionTestUtils.setField(message, "autoSubmitted", "auto-generated");
        ReflectionTestUtils.setField(message, "status", OutboxStatus.PENDING);
        ReflectionTestUtils.setField(message, "createdAt", START);
        ReflectionTestUtils.setField(message, "nextAttemptAt", START);
        return message;
    }

    private static JavaMailSenderImpl smtp(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
