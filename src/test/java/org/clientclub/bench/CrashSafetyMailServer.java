package org.clientclub.bench;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server the app sends to, in the benchmark's JVM: a GreenMail that keeps no message, only what the count
 * needs. Each delivery is recorded under its Message-ID, which the outbox fixes per idempotency key when it writes
 * the row, so a message sent twice shows up as the same Message-ID twice. A confirmation's link token is kept for
 * the applicant to press. A hook sees every delivery before the server answers it: the benchmark kills the app
 * there, in the middle of a batch.
 */
final class CrashSafetyMailServer implements AutoCloseable {

    private static final Pattern CONFIRM_LINK = Pattern.compile("/confirm/([A-Za-z0-9_-]+)");

    /** What arrived for one Message-ID. */
    record Delivery(String recipient, AtomicInteger times) {}

    private final GreenMail greenMail;
    private final Map<String, Delivery> byMessageId = new ConcurrentHashMap<>();
    /** The first confirmation link each address was sent. */
    private final Map<String, String> confirmTokenByRecipient = new ConcurrentHashMap<>();

    private final AtomicInteger deliveries = new AtomicInteger();
    private volatile IntConsumer beforeAnswer = n -> {};

    CrashSafetyMailServer(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        UserImpl discard =
                new UserImpl("sink@bench", "sink", "", greenMail.getManagers().getImapHostManager()) {
                    @Override
                    public void deliver(MovingMessage message) {
                        // Counted by the handler; keeping 15,000 messages would only fill the heap.
                    }
                };
        greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> {
            record(message, address.getEmail());
            beforeAnswer.accept(deliveries.incrementAndGet());
            return discard;
        });
        greenMail.start();
    }

    private void record(MovingMessage message, String recipient) throws MessagingException {
        String id = message.getMessage().getMessageID();
        Delivery delivery = byMessageId.computeIfAbsent(id, k -> new Delivery(recipient, new AtomicInteger()));
        if (delivery.times().incrementAndGet() == 1) {
            try {
                Matcher link = CONFIRM_LINK.matcher(text(message.getMessage()));
                if (link.find()) {
                    confirmTokenByRecipient.putIfAbsent(recipient, link.group(1));
                }
            } catch (IOException e) {
                throw new MessagingException("Unreadable body", e);
            }
        }
    }

    /** The plain-text part (the outbox sends text and HTML). */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                text.append(text(child));
            }
            return text.toString();
        }
        return "";
    }

    /** Called with the running number of each delivery, before the server answers it. */
    void beforeAnswer(IntConsumer hook) {
        this.beforeAnswer = hook;
    }

    int deliveries() {
        return deliveries.get();
    }

    Map<String, Delivery> byMessageId() {
        return byMessageId;
    }

    Map<String, String> confirmTokens() {
        return confirmTokenByRecipient;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
