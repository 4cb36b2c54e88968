package org.clientclub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clientclub.mail.internal.ClubMailboxReader;
import org.clientclub.mail.internal.EmbeddedMailServer;
import org.junit.jupiter.api.Test;
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
    JdbcClient jdbc;

    @Test
    void contentTypesWithoutSubtypeOrBoundaryAndGarbageHeadersAreAcceptedOverSmtpAndStored() throws Exception {
        String tag = UUID.randomUUID().toString();
        Map<String, String> messages = Map.of(
                "no-subtype-" + tag, "Content-Type: text\r\n\r\nJust text.\r\n",
                "multipart-no-boundary-" + tag, "MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\n"
                        + "--x\r\nContent-Type: text/plain\r\n\r\nhello\r\n--x--\r\n",
                "multipart-no-subtype-" + tag, "Content-Type: multipart\r\n\r\nbody\r\n",
                "garbage-headers-" + tag, "This line is no header\r\nX-\u0001Bin: \u0000\u00ff\u00fe\r\n"
                        + "Content-Type: ;;;/\r\nContent-Transfer-Encoding: x-unheard-of\r\n\r\nbody\r\n");
        for (Map.Entry<String, String> message : messages.entrySet()) {
            String raw = "From: stranger@example.org\r\nTo: " + clubMailbox.address() + "\r\nSubject: "
                    + message.getKey() + "\r\n" + message.getValue();
            assertThat(smtp(raw.getBytes(StandardCharsets.ISO_8859_1))).as(message.getKey()).startsWith("250");
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(fetchedSubjectsLike(tag))
                .containsExactlyInAnyOrderElementsOf(messages.keySet()));
    }

    @Test
    void rawEightBitHeaderBytesReachTheClubMailboxUnchanged() throws Exception {
        String tag = UUID.randomUUID().toString();
        byte[] subject = ("Анкета " + tag).getBytes("windows-1251");
        byte[] raw = concat(("From: member@example.org\r\nTo: " + clubMailbox.address() + "\r\nSubject: ")
                .getBytes(StandardCharsets.US_ASCII), subject, "\r\n\r\nText\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(smtp(raw)).startsWith("250");

        await().atMost(Duration.ofSeconds(20)).until(() -> !fetchedSubjectsLike(tag).isEmpty());
        byte[] stored = jdbc.sql("SELECT raw FROM mail_inbound WHERE subject LIKE :s").param("s", "%" + tag)
                .query(byte[].class).single();
        assertThat(indexOf(stored, subject)).as("the windows-1251 bytes as sent").isPositive();
        assertThat(subjectsLike(tag)).containsExactly("Анкета " + tag);
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
        return jdbc.sql("SELECT subject FROM mail_inbound WHERE subject LIKE :s").param("s", "%" + tag + "%")
                .query(String.class).list();
    }

    /** Sends bytes as they are over the embedded server's SMTP port; returns the reply to the end of DATA. */
    private String smtp(byte[] message) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", greenMail.getSmtp().getPort())) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            reply(in);
            for (String command : List.of("HELO example.org", "MAIL FROM:<stranger@example.org>",
                    "RCPT TO:<" + clubMailbox.address() + ">", "DATA")) {
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
