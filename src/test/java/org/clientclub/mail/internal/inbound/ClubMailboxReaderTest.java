package org.clientclub.mail.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.clientclub.mail.internal.server.EmbeddedMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The reader against a real IMAP server: a message is marked seen only once stored; one that cannot be stored
 * stays unseen for the next round and does not hold up the messages behind it.
 */
class ClubMailboxReaderTest {

    private static final String CLUB = "ilove@clientclub.local";

    private GreenMail server;
    private final InboundStore store = mock(InboundStore.class);
    private final List<String> stored = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
        });
        server.start();
        server.setUser(CLUB, CLUB, "secret");
        when(store.store(any(), anyLong(), anyBoolean())).thenAnswer(call -> {
            String raw = new String((byte[]) call.getArgument(0), StandardCharsets.UTF_8);
            if (raw.contains("Subject: poison")) {
                throw new IllegalStateException("database down for this one");
            }
            stored.add(raw.contains("Subject: first") ? "first" : "last");
            return Optional.of((long) stored.size());
        });
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void aMessageThatCannotBeStoredStaysUnseenAndTheOthersGoOn() throws Exception {
        send("first");
        send("poison");
        send("last");
        ClubMailboxReader reader = reader();

        assertThat(reader.fetchNow()).isEqualTo(2);

        assertThat(stored).containsExactly("first", "last");
        assertThat(unseenSubjects()).containsExactly("poison");
        assertThat(reader.fetchNow())
                .as("the next round tries the poison message again")
                .isZero();
        assertThat(unseenSubjects()).containsExactly("poison");
    }

    @Test
    void aMessageThatTheStoreKeepsAsFailedIsMarkedSeenAndNotFetchedAgain() throws Exception {
        // The store counts the failures; at the third it keeps the message as failed.
        List<Integer> failures = new ArrayList<>();
        when(store.storeFailed(any(), anyLong(), anyBoolean(), any())).thenAnswer(call -> {
            failures.add(failures.size() + 1);
            return failures.size() >= 3;
        });
        send("poison");
        ClubMailboxReader reader = reader();

        reader.fetchNow();
        reader.fetchNow();
        assertThat(unseenSubjects()).as("tried again after each failure").containsExactly("poison");
        reader.fetchNow();

        assertThat(unseenSubjects()).isEmpty();
        reader.fetchNow();
        assertThat(failures).as("no fourth try").containsExactly(1, 2, 3);
    }

    @Test
    void aMessageOverTheStorageLimitIsStoredTruncatedAndItsFullSizeKept() throws Exception {
        GreenMailUtil.sendTextEmail(
                CLUB,
                "big@example.org",
                "first",
                "x".repeat(5000),
                server.getSmtp().getServerSetup());
        ClubMailboxReader reader = reader(1000);

        assertThat(reader.fetchNow()).isEqualTo(1);

        org.mockito.Mockito.verify(store)
                .store(
                        org.mockito.ArgumentMatchers.argThat(raw -> raw.length == 1000),
                        org.mockito.ArgumentMatchers.longThat(size -> size > 5000),
                        org.mockito.ArgumentMatchers.eq(true));
    }

    private ClubMailboxReader reader() {
        return reader(64 * 1024 * 1024);
    }

    private ClubMailboxReader reader(int maxBytes) {
        @SuppressWarnings("unchecked")
        ObjectProvider<EmbeddedMailServer.ClubMailbox> none = mock(ObjectProvider.class);
        return new ClubMailboxReader(
                store,
                none,
                true,
                "127.0.0.1",
                server.getImap().getPort(),
                false,
                CLUB,
                "secret",
                "INBOX",
                Duration.ofSeconds(30),
                maxBytes);
    }

    private void send(String subject) {
        GreenMailUtil.sendTextEmail(
                CLUB, "member@example.org", subject, "text", server.getSmtp().getServerSetup());
    }

    private List<String> unseenSubjects() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.peek", "true");
        try (Store imap = Session.getInstance(properties).getStore("imap")) {
            imap.connect("127.0.0.1", server.getImap().getPort(), CLUB, "secret");
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                if (!m.isSet(Flags.Flag.SEEN)) {
                    subjects.add(m.getSubject());
                }
            }
            inbox.close(false);
            return subjects;
        }
    }
}
