package org.clientclub.mail;

import java.time.Instant;
import java.util.List;
import org.clientclub.shared.Language;

/**
 * An e-mail that reached the club mailbox, as the parser understood it. The raw message stays stored beside it;
 * this is a view that can always be made again from those bytes.
 *
 * @param messageId   the Message-ID header without angle brackets; null when the message has none
 * @param from        the sender's address as written (From, or Reply-To when From is missing); null when neither parses
 * @param subject     the decoded subject, never null
 * @param language    the sender's language as far as it can be told (Content-Language, then Cyrillic in subject and
 *                    body): replies are written in it
 * @param automatic   whether a machine wrote it (auto-reply, bounce, delivery report): never answered, so no loops
 * @param text        the readable text body (plain, or HTML reduced to text), at most 100,000 characters
 * @param attachments every attachment found, also inside forwarded messages, in document order
 * @param problems    what the parser had to give up on, as message keys under {@code inbound.problem.}
 */
public record InboundMessage(String messageId, String from, String subject, Instant sentAt, Language language,
                             Automatic automatic, String text, List<InboundAttachment> attachments,
                             List<String> problems) {

    public enum Automatic {
        /** A person wrote it. */
        NONE,
        /** Auto-Submitted, X-Autoreply, Precedence: auto_reply/bulk/junk/list and the like. */
        AUTO_REPLY,
        /** A delivery status notification or another bounce. */
        BOUNCE
    }

    public InboundMessage {
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }
}
