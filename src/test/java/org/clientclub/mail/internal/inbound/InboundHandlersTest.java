package org.clientclub.mail.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clientclub.mail.InboundMailId;
import org.clientclub.mail.InboundMailReceived;
import org.clientclub.mail.InboundMessage;
import org.clientclub.mail.InboundMessage.Automatic;
import org.clientclub.mail.InboundResult;
import org.clientclub.mail.spi.InboundMailHandler;
import org.clientclub.shared.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Mail keeps what must never be answered from every handler, so no handler has to repeat the check. */
class InboundHandlersTest {

    private final List<InboundMailId> seen = new ArrayList<>();
    private final JdbcClient jdbc = mock(JdbcClient.class);
    private final JdbcClient.StatementSpec update = mock(JdbcClient.StatementSpec.class, RETURNS_SELF);
    private final InboundHandlers handlers;

    InboundHandlersTest() {
        when(jdbc.sql(anyString())).thenReturn(update);
        InboundMailHandler claimsEverything = received -> {
            seen.add(received.id());
            return Optional.of(InboundResult.handled());
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("claimsEverything", claimsEverything);
        handlers = new InboundHandlers(
                beans.getBeanProvider(InboundMailHandler.class),
                jdbc,
                Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));
    }

    @ParameterizedTest
    @CsvSource({
        "BOUNCE, mailbox.reason.bounce",
        "AUTO_REPLY, mailbox.reason.autoReply",
        "READ_RECEIPT, mailbox.reason.readReceipt",
        "MAILING_LIST, mailbox.reason.mailingList",
        "NO_REPLY, mailbox.reason.noReply",
        "BULK, mailbox.reason.bulk"
    })
    void mailAMachineWroteReachesNoHandler(Automatic automatic, String reason) {
        handlers.announce(new InboundMailReceived(new InboundMailId(7), message(automatic, false), false));

        assertThat(seen).isEmpty();
        verify(update).param("outcome", "IGNORED");
        verify(update).param("reason", reason);
    }

    @Test
    void aForgedSenderReachesNoHandlerEvenWhenAPersonSeemsToWrite() {
        handlers.announce(new InboundMailReceived(new InboundMailId(8), message(Automatic.NONE, true), false));

        assertThat(seen).isEmpty();
        verify(update).param("reason", "mailbox.reason.forgedSender");
    }

    @Test
    void aPersonsMailGoesToTheHandlerAndItsOutcomeIsRecorded() {
        handlers.announce(new InboundMailReceived(new InboundMailId(9), message(Automatic.NONE, false), true));

        assertThat(seen).containsExactly(new InboundMailId(9));
        verify(update).param("outcome", "HANDLED");
    }

    private static InboundMessage message(Automatic automatic, boolean forged) {
        return new InboundMessage(
                "m@example.org",
                "maria@example.org",
                "Анкета",
                Instant.parse("2026-12-04T09:00:00Z"),
                Language.RU,
                automatic,
                forged,
                false,
                List.of(),
                "Здравствуйте",
                List.of(),
                List.of());
    }
}
