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
 * @param automatic   whether a machine wrote it (auto-reply, bounce, read receipt, list robot, no-reply address,
 *                    bulk mail): never handled or answered, so no loops and no mail to robots
 * @param forgedSender whether the receiving server (one the club trusts, see {@code clientclub.mailbox.trusted-authserv-ids})
 *                    found that DMARC or SPF failed for the sender: the From may name someone who never wrote, so the
 *                    message is kept for staff and never answered (no backscatter)
 * @param autoRepliesSuppressed whether the sender asked for no automatic replies ({@code X-Auto-Response-Suppress}):
 *                    the message is handled, but an automatic answer (a rejection) is not sent
 * @param references  the message's own References, oldest first, to thread a reply after it
 * @param text        the readable text body (plain, or HTML reduced to text), at most 100,000 characters
 * @param attachments every attachment found, also inside forwarded messages, in document order
 * @param problems    what the parser had to give up on, as message keys under {@code inbound.problem.}
 */
public record InboundMessage(
        String messageId,
        String from,
        String subject,
        Instant sentAt,
        Language language,
        Automatic automatic,
        boolean forgedSender,
        boolean autoRepliesSuppressed,
        List<String> references,
        String text,
        List<InboundAttachment> attachments,
        List<String> problems) {

    public enum Automatic {
        /** A person wrote it. */
        NONE,
        /** Auto-Submitted, X-Autoreply, Precedence: auto_reply, an empty Return-Path and the like. */
        AUTO_REPLY,
        /** A delivery status notification or another bounce. */
        BOUNCE,
        /** A read receipt (a disposition notification, or "Read:"/"Прочитано:" in the subject). */
        READ_RECEIPT,
        /** A mailing-list robot: majordomo, listserv, {@code -request}, {@code owner-}, {@code -bounces} addresses. */
        MAILING_LIST,
        /** A no-reply, noreply, do-not-reply address: nobody reads what is sent there. */
        NO_REPLY,
        /** Bulk or list mail: List-Id, List-Unsubscribe, List-Post, Precedence: bulk/list/junk. */
        BULK
    }

    public InboundMessage {
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }

    /** The thread an answer to this message continues: In-Reply-To its Message-ID, References after it. */
    public ReplyThread replyThread() {
        return ReplyThread.answering(messageId, references);
    }
}
