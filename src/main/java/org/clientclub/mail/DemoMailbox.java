package org.clientclub.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What the in-process mail server of the embedded default received, newest first, so a new user can read the
 * e-mails the club sent and follow their links. Empty when a real mail server is configured.
 */
@Service
public class DemoMailbox {

    private final ObjectProvider<GreenMail> greenMail;

    public DemoMailbox(ObjectProvider<GreenMail> greenMail) {
        this.greenMail = greenMail;
    }

    public boolean isAvailable() {
        return greenMail.getIfAvailable() != null;
    }

    @PreAuthorize("isAuthenticated()")
    public List<DeliveredMail> messages(String recipientFilter) {
        GreenMail server = greenMail.getIfAvailable();
        if (server == null) {
            return List.of();
        }
        MimeMessage[] received = server.getReceivedMessages();
        List<DeliveredMail> result = new ArrayList<>();
        for (int i = received.length - 1; i >= 0; i--) {
            try {
                DeliveredMail mail = toDelivered(i, received[i]);
                if (recipientFilter == null
                        || recipientFilter.isBlank()
                        || mail.to()
                                .toLowerCase()
                                .contains(recipientFilter.trim().toLowerCase())) {
                    result.add(mail);
                }
            } catch (MessagingException | IOException e) {
                result.add(new DeliveredMail(i, "?", "?", "(unreadable: " + e.getMessage() + ")", null, "", ""));
            }
        }
        return result;
    }

    private static DeliveredMail toDelivered(int index, MimeMessage message) throws MessagingException, IOException {
        String to = addresses(message.getAllRecipients());
        String from = addresses(message.getFrom());
        return new DeliveredMail(
                index,
                to,
                from,
                message.getSubject(),
                message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                withInlineImages(part(message, "text/html").orElse(""), message),
                part(message, "text/plain").orElseGet(() -> GreenMailUtil.getBody(message)));
    }

    /** The frame shows the HTML alone, so the images the message carries inside it go in as data URIs. */
    private static String withInlineImages(String html, Part message) throws MessagingException, IOException {
        Map<String, String> images = new HashMap<>();
        collectInline(message, images);
        String result = html;
        for (Map.Entry<String, String> image : images.entrySet()) {
            result = result.replace("\"cid:" + image.getKey() + "\"", "\"" + image.getValue() + "\"");
        }
        return result;
    }

    private static void collectInline(Part part, Map<String, String> images) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            MimeMultipart multipart = (MimeMultipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectInline(multipart.getBodyPart(i), images);
            }
        } else if (part instanceof MimeBodyPart body && body.getContentID() != null && part.isMimeType("image/*")) {
            String id = body.getContentID().replaceAll("^<|>$", "");
            try (InputStream in = body.getInputStream()) {
                images.put(
                        id,
                        "data:" + body.getContentType().split(";")[0].trim() + ";base64,"
                                + Base64.getEncoder().encodeToString(in.readAllBytes()));
            }
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null
                ? ""
                : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static Optional<String> part(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*")) {
            MimeMultipart multipart = (MimeMultipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Optional<String> found = part(multipart.getBodyPart(i), mimeType);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
