package org.clientclub.mail.internal;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clientclub.mail.InboundAttachment;
import org.clientclub.mail.InboundMessage;
import org.clientclub.mail.InboundMessage.Automatic;
import org.clientclub.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Turns the raw bytes of an e-mail that reached the club mailbox into an {@link InboundMessage}. It never throws:
 * whatever it cannot read becomes a problem key (under {@code inbound.problem.}) and the rest is still returned,
 * because the raw message stays stored and staff must see what arrived.
 *
 * <p>Jakarta Mail splits the message; everything that Jakarta only does leniently under JVM-wide system
 * properties (parameter and file-name decoding, base64 errors, charsets) is done here, so the parser behaves the
 * same whatever else runs in the JVM. The input array is wrapped, not copied: parts are views into it, and only
 * decoded attachments and texts take new memory, within the limits.
 */
@Component
public class InboundParser {

    /** The text body is cut here; a questionnaire e-mail needs a few lines, a forwarded thread can be endless. */
    public static final int MAX_TEXT_CHARS = 100_000;

    /** Problem keys, under {@code inbound.problem.} in the message bundles. */
    public static final String EMPTY = "empty";

    public static final String NOT_MIME = "notMime";
    public static final String UNREADABLE = "unreadable";
    public static final String PART_UNREADABLE = "partUnreadable";
    public static final String UNKNOWN_CHARSET = "unknownCharset";
    public static final String UNKNOWN_ENCODING = "unknownEncoding";
    public static final String ATTACHMENT_TOO_LARGE = "attachmentTooLarge";
    public static final String TOO_MUCH_DATA = "tooMuchData";
    public static final String TOO_MANY_PARTS = "tooManyParts";
    public static final String NESTING_TOO_DEEP = "nestingTooDeep";
    public static final String TEXT_TRUNCATED = "textTruncated";
    public static final String NO_SENDER = "noSender";

    public static final List<String> PROBLEMS = List.of(
            EMPTY,
            NOT_MIME,
            UNREADABLE,
            PART_UNREADABLE,
            UNKNOWN_CHARSET,
            UNKNOWN_ENCODING,
            ATTACHMENT_TOO_LARGE,
            TOO_MUCH_DATA,
            TOO_MANY_PARTS,
            NESTING_TOO_DEEP,
            TEXT_TRUNCATED,
            NO_SENDER);

    /**
     * @param maxAttachmentBytes an attachment larger than this keeps its name and size but not its bytes
     * @param maxParts           parts (leaves and containers) looked at before the parser stops descending
     * @param maxDepth           multipart and forwarded-message levels followed
     * @param maxTotalBytes      decoded bytes kept for the whole message (texts and attachments)
     */
    public record Limits(long maxAttachmentBytes, int maxParts, int maxDepth, long maxTotalBytes) {
        public static final Limits DEFAULTS = new Limits(
                DataSize.ofMegabytes(10).toBytes(),
                200,
                10,
                DataSize.ofMegabytes(60).toBytes());
    }

    private static final Logger log = LoggerFactory.getLogger(InboundParser.class);

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"(),;:\\[\\]]+@[^\\s<>\"(),;:\\[\\]]+");
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Set<String> IDENTITY_ENCODINGS = Set.of("", "7bit", "8bit", "binary");
    private static final List<String> ENVELOPE_HEADERS = List.of(
            "From",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "MIME-Version",
            "Content-Type",
            "Received",
            "Return-Path",
            "Reply-To",
            "Sender");
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

    /** A References header longer than this is not read: a thread needs a few ids, not a megabyte of them. */
    private static final int MAX_REFERENCES_CHARS = 20_000;

    private final Limits limits;
    private final AuthenticationResults authentication;
    private final Session session;

    /** With the default limits, trusting no server's Authentication-Results, for tests and tools. */
    public InboundParser() {
        this(Limits.DEFAULTS);
    }

    @Autowired
    public InboundParser(
            @Value("${clientclub.mailbox.max-attachment-bytes:10MB}") String maxAttachmentBytes,
            @Value("${clientclub.mailbox.max-parts:200}") int maxParts,
            @Value("${clientclub.mailbox.max-nesting-depth:10}") int maxDepth,
            @Value("${clientclub.mailbox.max-total-bytes:60MB}") String maxTotalBytes,
            AuthenticationResults authentication) {
        // DataSize.parse reads both "10MB" and a plain number of bytes.
        this(
                new Limits(
                        DataSize.parse(maxAttachmentBytes.trim()).toBytes(),
                        maxParts,
                        maxDepth,
                        DataSize.parse(maxTotalBytes.trim()).toBytes()),
                authentication);
    }

    public InboundParser(Limits limits) {
        this(limits, AuthenticationResults.trustingNone());
    }

    public InboundParser(Limits limits, AuthenticationResults authentication) {
        this.limits = limits;
        this.authentication = authentication;
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        // With allowutf8 Jakarta decodes every header line as UTF-8 and turns KOI8-R or windows-1251 bytes into
        // U+FFFD for good. Without it, lines come as ISO-8859-1, which keeps every byte, and redecodeRawHeader
        // turns them back into bytes and finds the charset (UTF-8 first).
        props.setProperty("mail.mime.allowutf8", "false");
        props.setProperty("mail.mime.decodefilename", "true");
        props.setProperty("mail.mime.decodeparameters", "true");
        props.setProperty("mail.mime.parameters.strict", "false");
        props.setProperty("mail.mime.base64.ignoreerrors", "true");
        props.setProperty("mail.mime.ignoreunknownencoding", "true");
        props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        props.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        props.setProperty("mail.mime.multipart.allowempty", "true");
        this.session = Session.getInstance(props);
    }

    public Limits limits() {
        return limits;
    }

    /** Never throws; see the class comment. */
    public InboundMessage parse(byte[] raw) {
        Walk walk = new Walk();
        if (raw == null || raw.length == 0) {
            walk.problems.add(EMPTY);
            return walk.result(null);
        }
        MimeMessage message = null;
        try {
            // SharedByteArrayInputStream lets every part be a window into raw instead of a copy.
            message = new MimeMessage(session, new SharedByteArrayInputStream(raw));
            walk.headers(message);
            walk.walk(message, 0, false);
        } catch (Exception | StackOverflowError e) {
            log.debug("Inbound message only partly readable", e);
            walk.problems.add(UNREADABLE);
        }
        return walk.result(message);
    }

    /** The state of one parse. */
    private final class Walk {

        final Set<String> problems = new LinkedHashSet<>();
        final List<InboundAttachment> attachments = new ArrayList<>();
        String messageId;
        String from;
        String rawFrom;
        String subject = "";
        List<String> references = List.of();
        Instant sentAt;
        String contentLanguage;
        String plain;
        String html;
        int parts;
        long total;
        boolean stopped;
        boolean deliveryReport;
        boolean readReceipt;

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
                MimeMultipart multipart =
                        new MimeMultipart(new PartSource(part, type, contentType.parameter("boundary")));
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
        private boolean forwardedMessage(MimePart part, String encoding, int depth)
                throws MessagingException, IOException {
            if (depth >= limits.maxDepth()) {
                problems.add(NESTING_TOO_DEEP);
                return true;
            }
            InputStream content;
            if (IDENTITY_ENCODINGS.contains(encoding)) {
                content = rawStream(part); // still a window into the original bytes
            } else {
                Read read = read(decoded(part, encoding), limits.maxTotalBytes() - total, false);
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

        private void text(MimePart part, String type, HeaderValue contentType, String encoding)
                throws MessagingException {
            if (plain != null || (type.equals("text/html") && html != null)) {
                return; // the first of each kind is the body; later ones are signatures and footers
            }
            if (contentLanguage == null) {
                contentLanguage = header(part, "Content-Language");
            }
            // Four bytes per character covers any charset, and a little more tells that the text was cut.
            Read read = read(
                    decoded(part, encoding), Math.min(4L * MAX_TEXT_CHARS + 4, limits.maxTotalBytes() - total), true);
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
            String name = fileName != null
                    ? fileName
                    : "attachment-" + (index + 1) + "." + EXTENSIONS.getOrDefault(type, "bin");
            long room = Math.min(limits.maxAttachmentBytes(), limits.maxTotalBytes() - total);
            Read read = read(decoded(part, encoding), room, false);
            if (read.cut()) {
                problems.add(read.size() > limits.maxAttachmentBytes() ? ATTACHMENT_TOO_LARGE : TOO_MUCH_DATA);
            } else {
                total += read.size();
            }
            // Over either limit the attachment counts as too large: its bytes are not here to look at.
            attachments.add(new InboundAttachment(index, name, type, read.size(), read.data(), read.cut(), forwarded));
        }

        private InputStream decoded(MimePart part, String encoding) throws MessagingException {
            InputStream raw = rawStream(part);
            switch (encoding) {
                case "base64":
                    return new LenientBase64InputStream(raw);
                case "quoted-printable", "uuencode", "x-uuencode", "x-uue":
                    return MimeUtility.decode(raw, encoding);
                default:
                    if (!IDENTITY_ENCODINGS.contains(encoding)) {
                        problems.add(UNKNOWN_ENCODING);
                    }
                    return raw;
            }
        }

        /** Reads at most {@code keep} bytes; beyond that only counts, keeping the prefix if asked. */
        private Read read(InputStream in, long keep, boolean keepPrefix) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) Math.max(0, Math.min(keep, 64 * 1024)));
            byte[] chunk = new byte[64 * 1024];
            long size = 0;
            boolean cut = false;
            try (in) {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    if (!cut) {
                        long fits = Math.max(0, Math.min(n, keep - size));
                        buffer.write(chunk, 0, (int) fits);
                        if (fits < n) {
                            cut = true;
                            if (keepPrefix) {
                                return new Read(buffer.toByteArray(), size + n, true);
                            }
                            buffer = null;
                        }
                    }
                    size += n;
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Inbound part cut short", e);
                problems.add(PART_UNREADABLE);
            }
            return new Read(cut ? null : buffer.toByteArray(), size, cut);
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
                int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_CHARS - 1))
                        ? MAX_TEXT_CHARS - 1
                        : MAX_TEXT_CHARS;
                text = text.substring(0, end);
                problems.add(TEXT_TRUNCATED);
            }
            Language language = language(contentLanguage, subject, text);
            Automatic automatic = message == null
                    ? Automatic.NONE
                    : AutomatedMail.classify(
                            name -> header(message, name), rawFrom, from, subject, deliveryReport, readReceipt);
            boolean forged =
                    message != null && authentication.senderForged(allHeaders(message, "Authentication-Results"));
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

    private record Read(byte[] data, long size, boolean cut) {}

    /** The raw (still transfer-encoded) content of a part, as a window into the original bytes. */
    private static InputStream rawStream(MimePart part) throws MessagingException {
        if (part instanceof MimeBodyPart body) {
            return body.getRawInputStream();
        }
        return ((MimeMessage) part).getRawInputStream();
    }

    /**
     * A multipart's content for Jakarta's multipart parser, with a content type rebuilt from the leniently parsed
     * one: Jakarta parses the type again and would fail on what the lenient parser forgave.
     */
    private record PartSource(MimePart part, String type, String boundary) implements DataSource {

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return rawStream(part);
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read only");
        }

        @Override
        public String getContentType() {
            if (boundary == null || boundary.isEmpty()) {
                return type;
            }
            return type + "; boundary=\"" + boundary.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        @Override
        public String getName() {
            return "part";
        }
    }

    private static String header(MimePart part, String name) {
        try {
            return part.getHeader(name, null);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String[] allHeaders(MimePart part, String name) {
        try {
            return part.getHeader(name);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The message ids of a References header, oldest first, without angle brackets. */
    private static List<String> references(String header) {
        if (header == null || header.length() > MAX_REFERENCES_CHARS) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** An unstructured header's text: unfolded, raw 8-bit bytes decoded; RFC 2047 words still encoded. */
    private static String headerText(String header) {
        return header == null ? null : CharsetGuess.redecodeRawHeader(HeaderValue.unfold(header));
    }

    private static String address(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                String value = address.getAddress();
                // A display name that breaks the syntax (an unclosed bracket, a quote) leaves the lenient parser
                // with "name <addr" as the address: only a bare address counts, else the search below finds it.
                if (value != null && ADDRESS.matcher(value.trim()).matches()) {
                    return value.trim();
                }
            }
        } catch (AddressException | RuntimeException e) {
            // fall through to the plain search below
        }
        Matcher m = ADDRESS.matcher(header);
        return m.find() ? m.group() : null;
    }

    private static String baseType(String value, boolean missing) {
        if (missing) {
            return "text/plain"; // RFC 2045's default
        }
        String token = value.split("[\\s;]", 2)[0];
        return token.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+") ? token : "application/octet-stream";
    }

    /** A file name a person can be shown: no folders (Windows mailers send full paths), no control characters. */
    static String fileName(String decoded) {
        if (decoded == null) {
            return null;
        }
        String name = decoded.substring(Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\')) + 1);
        name = oneLine(name);
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        return name.isEmpty() ? null : name;
    }

    /** Apple Mail sends decomposed letters (й as и + breve); staff search for the composed ones. */
    private static String oneLine(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        return composed.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ")
                .replaceAll(" {2,}", " ")
                .trim();
    }

    /** PostgreSQL text refuses NUL, and other control characters are only noise in a text body. */
    private static String cleanText(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "");
    }

    private static String htmlToText(String html) {
        try {
            return MailRenderer.toText(html);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static boolean looksLikeMessage(byte[] start) {
        String head = new String(start, StandardCharsets.ISO_8859_1);
        return head.matches("(?s)\\s*[A-Za-z0-9-]+:.*");
    }

    static Language language(String contentLanguage, String subject, String text) {
        if (contentLanguage != null) {
            String tag = HeaderValue.parse(contentLanguage).value().split("[\\s,]", 2)[0];
            if (tag.startsWith("ru")) {
                return Language.RU;
            }
            if (tag.startsWith("en")) {
                return Language.EN;
            }
        }
        boolean latin = false;
        for (String s : new String[] {subject, text}) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isLetter(c)) {
                    Character.UnicodeScript script = Character.UnicodeScript.of(c);
                    if (script == Character.UnicodeScript.CYRILLIC) {
                        return Language.RU;
                    }
                    latin |= script == Character.UnicodeScript.LATIN;
                }
            }
        }
        return latin ? Language.EN : Language.RU;
    }
}
