package org.clientclub.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the embedded mail server received, for tests: wait for a message, pull a link out of it. */
public class Mailbox {

    private static final Pattern LINK =
            Pattern.compile("https?://[^\\s\"'<>]+/(confirm|guardian|unsubscribe|card|ideas/new)/[A-Za-z0-9_-]+");

    private final GreenMail greenMail;

    public Mailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public List<MimeMessage> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> isTo(m, address))
                .toList();
    }

    /** Waits until the address has received {@code count} messages and returns the newest. */
    public MimeMessage awaitMessage(String address, int count) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> to(address).size() >= count);
        List<MimeMessage> messages = to(address);
        return messages.get(messages.size() - 1);
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    /** The path of the first club link in the message (e.g. /confirm/abc...), host left out. */
    public static String linkPath(MimeMessage message, String kind) {
        String raw = decoded(message);
        Matcher matcher = LINK.matcher(raw);
        while (matcher.find()) {
            if (matcher.group(1).equals(kind)) {
                String url = matcher.group();
                return url.substring(url.indexOf('/', url.indexOf("//") + 2));
            }
        }
        throw new AssertionError("No " + kind + " link in: " + raw);
    }

    /** The message's text with quoted-printable soft breaks undone, as a reader sees it. */
    public static String decoded(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                collect(multipart, text);
                return text.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The HTML part alone. */
    public static String html(MimeMessage message) {
        try {
            return htmlOf(message).orElseThrow(() -> new AssertionError("No HTML part"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The bytes of the part the message carries under this Content-ID (an inline image), or null. */
    public static byte[] inlinePart(jakarta.mail.Part part, String contentId) {
        try {
            if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    byte[] found = inlinePart(multipart.getBodyPart(i), contentId);
                    if (found != null) {
                        return found;
                    }
                }
            } else if (part instanceof jakarta.mail.internet.MimeBodyPart body
                    && ("<" + contentId + ">").equals(body.getContentID())) {
                try (var in = body.getInputStream()) {
                    return in.readAllBytes();
                }
            }
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static java.util.Optional<String> htmlOf(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return java.util.Optional.of(String.valueOf(part.getContent()));
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                java.util.Optional<String> found = htmlOf(multipart.getBodyPart(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static void collect(jakarta.mail.Multipart multipart, StringBuilder text) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof jakarta.mail.Multipart nested) {
                collect(nested, text);
            } else {
                text.append(part).append('\n');
            }
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }
}
