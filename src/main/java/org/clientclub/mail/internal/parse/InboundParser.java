package org.clientclub.mail.internal.parse;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.util.List;
import java.util.Properties;
import org.clientclub.mail.InboundMessage;
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
        InboundWalk walk = new InboundWalk(limits, authentication, session);
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
}
