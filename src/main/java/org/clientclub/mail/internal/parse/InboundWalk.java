package org.clientclub.mail.internal.parse;

import static org.clientclub.mail.internal.parse.InboundHeaders.ENVELOPE_HEADERS;
import static org.clientclub.mail.internal.parse.InboundHeaders.address;
import static org.clientclub.mail.internal.parse.InboundHeaders.allHeaders;
import static org.clientclub.mail.internal.parse.InboundHeaders.baseType;
import static org.clientclub.mail.internal.parse.InboundHeaders.fileName;
import static org.clientclub.mail.internal.parse.InboundHeaders.header;
import static org.clientclub.mail.internal.parse.InboundHeaders.headerText;
import static org.clientclub.mail.internal.parse.InboundHeaders.oneLine;
import static org.clientclub.mail.internal.parse.InboundHeaders.references;
import static org.clientclub.mail.internal.parse.InboundParser.ATTACHMENT_TOO_LARGE;
import static org.clientclub.mail.internal.parse.InboundParser.MAX_TEXT_CHARS;
import static org.clientclub.mail.internal.parse.InboundParser.NESTING_TOO_DEEP;
import static org.clientclub.mail.internal.parse.InboundParser.NOT_MIME;
import static org.clientclub.mail.internal.parse.InboundParser.NO_SENDER;
import static org.clientclub.mail.internal.parse.InboundParser.PART_UNREADABLE;
import static org.clientclub.mail.internal.parse.InboundParser.TEXT_TRUNCATED;
import static org.clientclub.mail.internal.parse.InboundParser.TOO_MANY_PARTS;
import static org.clientclub.mail.internal.parse.InboundParser.TOO_MUCH_DATA;
import static org.clientclub.mail.internal.parse.InboundParser.UNKNOWN_CHARSET;
import static org.clientclub.mail.internal.parse.InboundText.cleanText;
import static org.clientclub.mail.internal.parse.InboundText.htmlToText;
import static org.clientclub.mail.internal.parse.InboundText.language;
import static org.clientclub.mail.internal.parse.PartContent.IDENTITY_ENCODINGS;
import static org.clientclub.mail.internal.parse.PartContent.looksLikeMessage;
import static org.clientclub.mail.internal.parse.PartContent.rawStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clientclub.mail.InboundAttachment;
import org.clientclub.mail.InboundMessage;
import org.clientclub.mail.InboundMessage.Automatic;
import org.clientclub.mail.internal.parse.PartContent.PartSource;
import org.clientclub.mail.internal.parse.PartContent.Read;
import org.clientclub.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one {@link InboundParser#parse}: walks the MIME structure within the limits, takes the first text
 * and html bodies, keeps the rest as attachments and follows forwarded messages.
 */
final class InboundWalk {

    // The parser's logger: whoever debugs inbound mail turns on one category.
    private static final Logger log = LoggerFactory.getLogger(InboundParser.class);

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", "pdf"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/jpg", "jpg"),
            Map.entry("image/pjpeg", "jpg"),
            Map.entry("image/png", "png"),
            Map.entry("image/gif", "gif"),
            Map.entry("image/tiff", "tif"),
            Map.entry("image/heic", "heic"),
            Map.entry("image/webp", "webp"),
            Map.entry("image/bmp", "bmp"),
            Map.entry("text/plain", "txt"),
            Map.entry("text/html", "html"),
            Map.entry("text/calendar", "ics"),
            Map.entry("message/rfc822", "eml"),
            Map.entry("application/msword", "doc"),
            Map.entry("application/zip", "zip"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/ms-tnef", "dat"),
            Map.entry("application/vnd.ms-tnef", "dat"),
            Map.entry("application/pkcs7-signature", "p7s"),
            Map.entry("application/x-pkcs7-signature", "p7s"),
            Map.entry("application/pgp-signature", "asc"));

    private final InboundParser.Limits limits;
    private final AuthenticationResults authentication;
    private final Session session;

    final Set<String> problems = new LinkedHashSet<>();
    private final List<InboundAttachment> attachments = new ArrayList<>();
    private String messageId;
    private String from;
    private String rawFrom;
    private String subject = "";
    private List<String> references = List.of();
    private Instant sentAt;
    private String contentLanguage;
    private String plain;
    private String html;
    private int parts;
    private long total;
    private boolean stopped;
    private boolean deliveryReport;
    private boolean readReceipt;

    InboundWalk(InboundParser.Limits limits, AuthenticationResults authentication, Session session) {
        this.limits = limits;
        this.authentication = authentication;
        this.session = session;
    }

    void headers(MimeMessage message) {
        boolean anyEnvelopeHeader = false;
        for (String name : ENVELOPE_HEADERS) {
            anyEnvelopeHeader |= header(message, name) != null;
        }
        if (!anyEnvelopeHeader) {
            problems.add(NOT_MIME);
        }
        messageId = RawHeaders.messageId(header(message, "Message-ID"));
        references = references(header(message, "References"));
        rawFrom = headerText(header(message, "From"));
        from = address(rawFrom);
        if (from == null) {
            from = address(headerText(header(message, "Reply-To")));
        }
        if (from == null) {
            problems.add(NO_SENDER);
        }
        String rawSubject = header(message, "Subject");
        subject = rawSubject == null ? "" : oneLine(EncodedWords.decode(headerText(rawSubject)));
        try {
            Date date = message.getSentDate();
            sentAt = date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException e) {
            sentAt = null; // an unreadable Date header is no reason to lose the message
        }
        contentLanguage = header(message, "Content-Language");
    }

    void walk(MimePart part, int depth, boolean forwarded) {
        if (stopped) {
            return;
        }
        if (++parts > limits.maxParts()) {
            problems.add(TOO_MANY_PARTS);
            stopped = true;
            return;
        }
        try {
            visit(part, depth, forwarded);
        } catch (MessagingException | IOException | RuntimeException e) {
            log.debug("Unreadable part in inbound message", e);
            problems.add(PART_UNREADABLE);
        }
    }

    private void visit(MimePart part, int depth, boolean forwarded) throws MessagingException, IOException {
        String typeHeader = header(part, "Content-Type");
        HeaderValue contentType = HeaderValue.parse(typeHeader);
        String type = baseType(contentType.value(), typeHeader == null);
        if (type.startsWith("multipart/")) {
            if (depth >= limits.maxDepth()) {
                problems.add(NESTING_TOO_DEEP);
                return;
            }
            String reportType = contentType.parameter("report-type");
            if (type.equals("multipart/report") && reportType != null) {
                deliveryReport |= reportType.trim().equalsIgnoreCase("delivery-status");
                readReceipt |= reportType.trim().equalsIgnoreCase("disposition-notification");
            }
            MimeMultipart multipart = new MimeMultipart(new PartSource(part, type, contentType.parameter("boundary")));
            int count = multipart.getCount();
            for (int i = 0; i < count && !stopped; i++) {
                walk((MimeBodyPart) multipart.getBodyPart(i), depth + 1, forwarded);
            }
            return;
        }
        switch (type) {
            case "message/delivery-status", "message/global-delivery-status" -> {
                deliveryReport = true;
                return;
            }
            case "message/disposition-notification" -> {
                readReceipt = true;
                return;
            }
            case "text/rfc822-headers", "message/global-headers" -> {
                return; // the headers of a returned message: part of a report, not a file anybody sent
            }
            default -> {}
        }
        HeaderValue disposition = HeaderValue.parse(header(part, "Content-Disposition"));
        String fileName = fileName(disposition.parameter("filename"));
        if (fileName == null) {
            fileName = fileName(contentType.parameter("name"));
        }
        String encoding =
                HeaderValue.parse(header(part, "Content-Transfer-Encoding")).value();
        boolean eml = type.equals("message/rfc822")
                || type.equals("message/global")
                || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".eml"));
        if (eml && forwardedMessage(part, encoding, depth)) {
            return;
        }
        boolean textBody = (type.equals("text/plain") || type.equals("text/html"))
                && fileName == null
                && !disposition.value().equals("attachment");
        if (textBody) {
            text(part, type, contentType, encoding);
        } else {
            attachment(part, type, fileName, encoding, forwarded);
        }
    }

    /** @return whether the part was read as a message (else it is kept as an ordinary attachment) */
    private boolean forwardedMessage(MimePart part, String encoding, int depth) throws MessagingException, IOException {
        if (depth >= limits.maxDepth()) {
            problems.add(NESTING_TOO_DEEP);
            return true;
        }
        InputStream content;
        if (IDENTITY_ENCODINGS.contains(encoding)) {
            content = rawStream(part); // still a window into the original bytes
        } else {
            Read read = PartContent.read(
                    PartContent.decoded(part, encoding, problems), limits.maxTotalBytes() - total, false, problems);
            if (read.cut()) {
                problems.add(TOO_MUCH_DATA);
                return true;
            }
            total += read.size();
            content = new SharedByteArrayInputStream(read.data());
        }
        if (!content.markSupported()) {
            return false;
        }
        content.mark(1024);
        byte[] start = content.readNBytes(1024);
        content.reset();
        if (!looksLikeMessage(start)) {
            return false; // named .eml but is something else: an ordinary file
        }
        walk(new MimeMessage(session, content), depth + 1, true);
        return true;
    }

    private void text(MimePart part, String type, HeaderValue contentType, String encoding) throws MessagingException {
        if (plain != null || (type.equals("text/html") && html != null)) {
            return; // the first of each kind is the body; later ones are signatures and footers
        }
        if (contentLanguage == null) {
            contentLanguage = header(part, "Content-Language");
        }
        // Four bytes per character covers any charset, and a little more tells that the text was cut.
        Read read = PartContent.read(
                PartContent.decoded(part, encoding, problems),
                Math.min(4L * MAX_TEXT_CHARS + 4, limits.maxTotalBytes() - total),
                true,
                problems);
        total += read.data().length;
        String declared = contentType.parameter("charset");
        Charset charset = CharsetGuess.forName(declared);
        if (declared != null && !declared.isBlank() && charset == null) {
            problems.add(UNKNOWN_CHARSET);
        }
        String decoded = CharsetGuess.decode(read.data(), charset);
        if (type.equals("text/plain")) {
            plain = decoded;
        } else {
            html = decoded;
        }
    }

    private void attachment(MimePart part, String type, String fileName, String encoding, boolean forwarded)
            throws MessagingException {
        int index = attachments.size();
        String name =
                fileName != null ? fileName : "attachment-" + (index + 1) + "." + EXTENSIONS.getOrDefault(type, "bin");
        long room = Math.min(limits.maxAttachmentBytes(), limits.maxTotalBytes() - total);
        Read read = PartContent.read(PartContent.decoded(part, encoding, problems), room, false, problems);
        if (read.cut()) {
            problems.add(read.size() > limits.maxAttachmentBytes() ? ATTACHMENT_TOO_LARGE : TOO_MUCH_DATA);
        } else {
            total += read.size();
        }
        // Over either limit the attachment counts as too large: its bytes are not here to look at.
        attachments.add(new InboundAttachment(index, name, type, read.size(), read.data(), read.cut(), forwarded));
    }

    InboundMessage result(MimeMessage message) {
        String text;
        if (plain != null) {
            text = plain;
        } else if (html != null) {
            text = htmlToText(html);
        } else {
            text = "";
        }
        text = cleanText(text);
        if (text.length() > MAX_TEXT_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_CHARS - 1)) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
            text = text.substring(0, end);
            problems.add(TEXT_TRUNCATED);
        }
        Language language = language(contentLanguage, subject, text);
        Automatic automatic = message == null
                ? Automatic.NONE
                : AutomatedMail.classify(
                        name -> header(message, name), rawFrom, from, subject, deliveryReport, readReceipt);
        boolean forged = message != null && authentication.senderForged(allHeaders(message, "Authentication-Results"));
        boolean suppressed =
                message != null && AutomatedMail.autoRepliesSuppressed(header(message, "X-Auto-Response-Suppress"));
        return new InboundMessage(
                messageId,
                from,
                subject,
                sentAt,
                language,
                automatic,
                forged,
                suppressed,
                references,
                text,
                attachments,
                List.copyOf(problems));
    }
}
