package org.clientclub.mail.internal.parse;

import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.clientclub.mail.InboundMessage.Automatic;

/**
 * Tells mail that a machine wrote from mail a person wrote, from its headers, so that the club never answers a
 * robot: answering one makes mail loops, and answering a list robot or a no-reply address mails people who never
 * wrote. Only what the sender's software declares or its address shows counts; the text is not guessed at,
 * except the subjects that auto-replies and read receipts without headers are known by.
 */
final class AutomatedMail {

    private static final Pattern DAEMON = Pattern.compile("(?i)(^|[\\s<\"])(mailer-daemon|postmaster)(@|>|\"|\\s|$)");
    private static final Pattern DSN_SUBJECT = Pattern.compile("(?iu)(undeliver|not delivered|delivery (status|failure"
            + "|failed|has failed|notification|problem)|returned mail|failure notice|mail delivery|не доставлен"
            + "|недоставлен|ошибка доставки|отчет о доставке|отчёт о доставке)");
    private static final Pattern AUTO_SUBJECT = Pattern.compile("(?iu)^\\s*(автоответ|автоматический ответ"
            + "|auto[- ]?reply|auto[- ]?response|automatic reply|out of (the )?office|abwesenheitsnotiz)");
    /** Outlook and Exchange write read receipts as a subject when they send no disposition notification. */
    private static final Pattern READ_SUBJECT =
            Pattern.compile("(?iu)^\\s*(read|not read|прочитано|не прочитано" + "|gelesen|ungelesen|gelezen)\\s*:");
    /** Local parts of list robots: the list software's own address, its -request, owner- and -bounces addresses. */
    private static final Pattern LIST_ROBOT = Pattern.compile(
            "(?i)^(majordomo|listserv|listproc|mailman|ezmlm)$" + "|-request$|^owner-|-bounces?(\\+.*)?$");

    private static final Pattern NO_REPLY =
            Pattern.compile("(?i)(^|[-_.+])(no[-_.]?reply|do[-_.]?not[-_.]?reply" + "|dont[-_.]?reply)([-_.+]|$)");
    private static final Set<String> AUTO_REPLY_PRECEDENCE = Set.of("auto_reply");
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");
    private static final Set<String> SUPPRESSING = Set.of("all", "autoreply");

    private AutomatedMail() {}

    /**
     * @param header         a top-level header's raw value by name, null when absent
     * @param rawFrom        the From header as written
     * @param from           the sender's address the parser found (From, else Reply-To), null when none
     * @param deliveryReport whether a part is a delivery status notification
     * @param readReceipt    whether a part is a disposition notification (a read receipt)
     */
    static Automatic classify(
            UnaryOperator<String> header,
            String rawFrom,
            String from,
            String subject,
            boolean deliveryReport,
            boolean readReceipt) {
        boolean fromDaemon = rawFrom != null && DAEMON.matcher(rawFrom).find();
        if (deliveryReport || (fromDaemon && DSN_SUBJECT.matcher(subject).find())) {
            return Automatic.BOUNCE;
        }
        if (readReceipt || READ_SUBJECT.matcher(subject).find()) {
            return Automatic.READ_RECEIPT;
        }
        String autoSubmitted = header.apply("Auto-Submitted");
        if (autoSubmitted != null && !firstToken(autoSubmitted).equals("no")) {
            return Automatic.AUTO_REPLY;
        }
        if (header.apply("X-Autoreply") != null || header.apply("X-Autorespond") != null) {
            return Automatic.AUTO_REPLY;
        }
        String precedence = header.apply("Precedence");
        String precedenceToken = precedence == null ? "" : firstToken(precedence);
        if (AUTO_REPLY_PRECEDENCE.contains(precedenceToken)) {
            return Automatic.AUTO_REPLY;
        }
        String returnPath = header.apply("Return-Path");
        if (returnPath != null
                && HeaderValue.unfold(returnPath).replaceAll("\\s", "").equals("<>")) {
            return Automatic.AUTO_REPLY;
        }
        // Mail servers without Auto-Submitted still mark their replies in the subject.
        if (autoSubmitted == null && AUTO_SUBJECT.matcher(subject).find()) {
            return Automatic.AUTO_REPLY;
        }
        // A list relays a person's message with its own Sender and envelope address: the list is who would get the
        // answer.
        if (listRobot(from) || listRobot(address(header.apply("Sender"))) || listRobot(address(returnPath))) {
            return Automatic.MAILING_LIST;
        }
        if (from != null && NO_REPLY.matcher(localPart(from)).find()) {
            return Automatic.NO_REPLY;
        }
        if (BULK_PRECEDENCE.contains(precedenceToken)
                || header.apply("List-Id") != null
                || header.apply("List-Unsubscribe") != null
                || header.apply("List-Post") != null) {
            return Automatic.BULK;
        }
        return Automatic.NONE;
    }

    /**
     * Whether the sender asked for no automatic replies. Outlook writes {@code X-Auto-Response-Suppress: All} on
     * mail people write too, so it does not make a message automatic; it only forbids answering it automatically.
     */
    static boolean autoRepliesSuppressed(String xAutoResponseSuppress) {
        if (xAutoResponseSuppress == null) {
            return false;
        }
        for (String token : HeaderValue.unfold(xAutoResponseSuppress)
                .toLowerCase(Locale.ROOT)
                .split("[\\s,;]+")) {
            if (SUPPRESSING.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean listRobot(String address) {
        return address != null && LIST_ROBOT.matcher(localPart(address)).find();
    }

    private static String localPart(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    /** The address inside a Sender or Return-Path header, null when there is none. */
    private static String address(String header) {
        if (header == null) {
            return null;
        }
        String value = HeaderValue.unfold(header).trim();
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        if (open >= 0 && close > open) {
            value = value.substring(open + 1, close);
        }
        value = value.trim();
        return value.contains("@") && !value.contains(" ") ? value : null;
    }

    private static String firstToken(String header) {
        return HeaderValue.parse(header).value().split("[\\s,]", 2)[0];
    }
}
