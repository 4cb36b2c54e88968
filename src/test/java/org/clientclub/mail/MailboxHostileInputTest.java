package org.clientclub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clientclub.mail.internal.inbound.ClubMailboxReader;
import org.clientclub.mail.internal.inbound.InboundStore;
import org.clientclub.mail.internal.server.EmbeddedMailServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a stranger sends to the club mailbox to break it, lose mail or forge log lines, with the whole app and its
 * embedded mail server: each message is accepted, stored once with its bytes, and visible to staff.
 */
@SpringBootTest
class MailboxHostileInputTest {

    @Autowired
    GreenMail greenMail;

    @Autowired
    EmbeddedMailServer.ClubMailbox clubMailbox;

    @Autowired
    ClubMailboxReader reader;

    @Autowired
    InboundStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void contentTypesWithoutSubtypeOrBoundaryAndGarbageHeadersAreAcceptedOverSmtpAndStored() throws Exception {
        String tag = UUID.randomUUID().toString();
        Map<String, String> messages = Map.of(
                "no-subtype-" + tag,
                "Content-Type: text\r\n\r\nJust text.\r\n",
                "multipart-no-boundary-" + tag,
                "MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\n"
                        + "--x\r\nContent-Type: text/plain\r\n\r\nhello\r\n--x--\r\n",
                "multipart-no-subtype-" + tag,
                "Content-Type: multipart\r\n\r\nbody\r\n",
                "garbage-headers-" + tag,
                "This line is no header\r\nX-\u0001Bin: \u0000\u00ff\u00fe\r\n"
                        + "Content-Type: ;;;/\r\nContent-Transfer-Encoding: x-unheard-of\r\n\r\nbody\r\n");
        for (Map.Entry<String, String> message : messages.entrySet()) {
            String raw = "From: stranger@example.org\r\nTo: " + clubMailbox.address() + "\r\nSubject: "
                    + message.getKey() + "\r\n" + message.getValue();
            assertThat(smtp(raw.getBytes(StandardCharsets.ISO_8859_1)))
                    .as(message.getKey())
                    .startsWith("250");
        }

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(fetchedSubjectsLike(tag)).containsExactlyInAnyOrderElementsOf(messages.keySet()));
    }

    @Test
    void rawEightBitHeaderBytesReachTheClubMailboxUnchanged() throws Exception {
        String tag = UUID.randomUUID().toString();
        byte[] subject = ("Анкета " + tag).getBytes("windows-1251");
        byte[] raw = concat(
                ("From: member@example.org\r\nTo: " + clubMailbox.address() + "\r\nSubject: ")
                        .getBytes(StandardCharsets.US_ASCII),
                subject,
                "\r\n\r\nText\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(smtp(raw)).startsWith("250");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !fetchedSubjectsLike(tag).isEmpty());
        byte[] stored = jdbc.sql("SELECT raw FROM mail_inbound WHERE subject LIKE :s")
                .param("s", "%" + tag)
                .query(byte[].class)
                .single();
        assertThat(indexOf(stored, subject))
                .as("the windows-1251 bytes as sent")
                .isPositive();
        assertThat(subjectsLike(tag)).containsExactly("Анкета " + tag);
    }

    @Test
    void aDifferentMessageThatReusesAMessageIdIsStoredToo() {
        String messageId = "<reused-" + UUID.randomUUID() + "@example.org>";
        byte[] first = message("member@example.org", messageId, "Анкета", "Первое письмо");
        byte[] second = message("stranger@example.org", messageId, "Анкета", "Совсем другое письмо");

        Optional<Long> firstId = store.store(first, first.length, false);
        Optional<Long> secondId = store.store(second, second.length, false);

        assertThat(firstId).isPresent();
        assertThat(secondId).as("not dropped as a duplicate").isPresent().isNotEqualTo(firstId);
    }

    @Test
    void theSameMessageDeliveredTwiceIsStoredOnce() {
        byte[] message =
                message("member@example.org", "<twice-" + UUID.randomUUID() + "@example.org>", "Анкета", "Текст");
        // Each delivery adds its own trace fields in front of what the sender wrote.
        byte[] viaFirstRoute = concat(
                ("Return-Path: <member@example.org>\r\nReceived: from mx1 (HELO a); "
                                + "Thu, 3 Dec 2026 10:00:00 +0000\r\n")
                        .getBytes(StandardCharsets.US_ASCII),
                message);
        byte[] viaSecondRoute = concat(
                ("Delivered-To: ilove@clientclub.local\r\nReceived: from mx2 (HELO b);\r\n"
                                + "\tThu, 3 Dec 2026 10:05:00 +0000\r\nAuthentication-Results: mx2; spf=pass\r\n")
                        .getBytes(StandardCharsets.US_ASCII),
                message);

        assertThat(store.store(viaFirstRoute, viaFirstRoute.length, false)).isPresent();
        assertThat(store.store(viaSecondRoute, viaSecondRoute.length, false))
                .as("recognised")
                .isEmpty();
        assertThat(store.store(message, message.length, false))
                .as("recognised without trace fields")
                .isEmpty();
    }

    @Test
    void rawWindows1251AndKoi8rSubjectsAndSendersAreDecodedLikeBodies() {
        String tag = UUID.randomUUID().toString();
        for (String charset : List.of("windows-1251", "KOI8-R")) {
            byte[] raw = ("From: Мария Иванова <maria-" + charset + "-" + tag
                            + "@example.org>\r\nSubject: Анкета в клуб " + charset + " " + tag + "\r\nMessage-ID: <"
                            + charset + tag + "@example.org>\r\n\r\nАнкета.\r\n")
                    .getBytes(Charset.forName(charset));
            long id = store.store(raw, raw.length, false).orElseThrow();

            Map<String, Object> row = jdbc.sql("SELECT sender, subject FROM mail_inbound WHERE id = :id")
                    .param("id", id)
                    .query()
                    .singleRow();
            assertThat(row.get("subject")).as(charset).isEqualTo("Анкета в клуб " + charset + " " + tag);
            assertThat(row.get("sender")).as(charset).isEqualTo("maria-" + charset + "-" + tag + "@example.org");
        }
    }

    @Test
    void aSenderWhoseDisplayNameIsGarbledStillGetsTheAnswer() {
        String sender = "ivan-" + UUID.randomUUID() + "@example.org";
        // Raw windows-1251, and the mailer never closed the angle bracket: the address itself is fine.
        byte[] raw = ("From: Иван \"Петров <" + sender + "\r\nSubject: Хочу в клуб\r\nMessage-ID: <" + sender
                        + ">\r\n\r\nПримите меня!\r\n")
                .getBytes(Charset.forName("windows-1251"));

        long id = store.store(raw, raw.length, false).orElseThrow();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :s")
                                .param("s", sender)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(jdbc.sql("SELECT sender FROM mail_inbound WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(sender);
    }

    @Test
    void aMessageThatKeepsFailingToStoreIsKeptAsFailedWithItsReasonAndNotFetchedAgain() throws Exception {
        String tag = UUID.randomUUID().toString().replace("-", "");
        // A fault inside the database for this one message, as a full disk or a broken index would be.
        jdbc.sql("CREATE FUNCTION refuse_" + tag + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF NEW.subject LIKE '%" + tag
                        + "%' THEN RAISE EXCEPTION 'no room for %', NEW.subject; END IF; "
                        + "RETURN NEW; END $$")
                .update();
        jdbc.sql("CREATE TRIGGER refuse_" + tag + " BEFORE INSERT ON mail_inbound FOR EACH ROW EXECUTE FUNCTION refuse_"
                        + tag + "()")
                .update();
        try {
            assertThat(smtp(("From: member@example.org\r\nTo: " + clubMailbox.address() + "\r\nSubject: poison " + tag
                                    + "\r\n\r\nText\r\n")
                            .getBytes(StandardCharsets.US_ASCII)))
                    .startsWith("250");

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.fetchNow();
                return failedRows(tag) == 1;
            });
            Map<String, Object> kept = jdbc.sql("SELECT reason, error, outcome FROM mail_inbound "
                            + "WHERE position(convert_to(:tag, 'UTF8') IN raw) > 0")
                    .param("tag", tag)
                    .query()
                    .singleRow();
            assertThat(kept.get("reason")).isEqualTo(InboundStore.STORE_FAILED);
            assertThat((String) kept.get("error")).contains("no room for poison " + tag);
            assertThat(failures(tag)).isGreaterThanOrEqualTo(3);

            reader.fetchNow();
            int failures = failures(tag);
            reader.fetchNow();
            assertThat(failures(tag)).as("not fetched and tried again").isEqualTo(failures);
            assertThat(failedRows(tag)).isEqualTo(1);
        } finally {
            jdbc.sql("DROP TRIGGER refuse_" + tag + " ON mail_inbound").update();
            jdbc.sql("DROP FUNCTION refuse_" + tag + "()").update();
        }
    }

    @Test
    void headerValuesAreEscapedInLogLines() {
        Logger log = (Logger) LoggerFactory.getLogger(InboundStore.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            // A CR alone does not end a header line, so it stays in the value; ESC would recolour a terminal.
            byte[] raw = ("From: member@example.org\r\nMessage-ID: <forged-" + UUID.randomUUID()
                            + "\r2026-12-03 INFO admin logged in \u001b[31m@example.org>\r\n\r\nText\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            store.store(raw, raw.length, false);
            store.store(raw, raw.length, false);

            assertThat(lines.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line)
                            .contains("was stored before")
                            .contains("\\r2026-12-03 INFO admin")
                            .contains("\\u001b[31m")
                            .doesNotContain("\r")
                            .doesNotContain("\u001b"));
        } finally {
            log.detachAppender(lines);
        }
    }

    private int failedRows(String tag) {
        return jdbc.sql("SELECT count(*) FROM mail_inbound WHERE outcome = 'FAILED' "
                        + "AND position(convert_to(:tag, 'UTF8') IN raw) > 0")
                .param("tag", tag)
                .query(Integer.class)
                .single();
    }

    private int failures(String tag) {
        return jdbc.sql("SELECT coalesce(max(f.failures), 0) FROM mail_inbound_failure f JOIN mail_inbound m "
                        + "ON m.dedupe_key = f.dedupe_key WHERE position(convert_to(:tag, 'UTF8') IN m.raw) > 0")
                .param("tag", tag)
                .query(Integer.class)
                .single();
    }

    private static byte[] message(String from, String messageId, String subject, String text) {
        return ("From: " + from + "\r\nTo: ilove@clientclub.local\r\nSubject: " + subject + "\r\nMessage-ID: "
                        + messageId + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Fetches what waits beside the app's reader, whose IDLE may only wake at its poll interval for a message that
     * came in just before it began waiting; a message fetched by both is stored once.
     */
    private List<String> fetchedSubjectsLike(String tag) throws Exception {
        reader.fetchNow();
        return subjectsLike(tag);
    }

    private List<String> subjectsLike(String tag) {
        return jdbc.sql("SELECT subject FROM mail_inbound WHERE subject LIKE :s")
                .param("s", "%" + tag + "%")
                .query(String.class)
                .list();
    }

    /** Sends bytes as they are over the embedded server's SMTP port; returns the reply to the end of DATA. */
    private String smtp(byte[] message) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", greenMail.getSmtp().getPort())) {
            socket.setSoTimeout(10_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            reply(in);
            for (String command : List.of(
                    "HELO example.org",
                    "MAIL FROM:<stranger@example.org>",
                    "RCPT TO:<" + clubMailbox.address() + ">",
                    "DATA")) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                reply(in);
            }
            out.write(message);
            out.write("\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = reply(in);
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply;
        }
    }

    /** The last line of a reply: continuation lines have a hyphen after the code. */
    private static String reply(BufferedReader in) throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        return line;
    }

    private static byte[] concat(byte[]... pieces) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
