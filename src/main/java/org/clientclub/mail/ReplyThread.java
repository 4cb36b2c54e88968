package org.clientclub.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where an automatic answer to an inbound message sits: the sender's mailer threads it under their message, and
 * the answer is marked {@code Auto-Submitted: auto-replied} (RFC 3834) so that their robots do not answer it in
 * turn.
 *
 * @param inReplyTo  the Message-ID answered, without angle brackets; null when the message had none
 * @param references the thread, oldest first, ending with {@code inReplyTo}; ids without angle brackets
 */
public record ReplyThread(@Nullable String inReplyTo, List<String> references) {

    /**
     * A thread keeps its first message and its latest ones (RFC 5322 3.6.4 allows shortening it so), which bounds
     * what a hostile References header can make the club write.
     */
    public static final int MAX_REFERENCES = 10;

    /** What a message id may hold to be written back into a header: no blanks, no brackets, no line breaks. */
    private static final Pattern SAFE_ID = Pattern.compile("[\\x21-\\x7E&&[^<>]]{1,250}");

    public ReplyThread {
        if (inReplyTo != null && !SAFE_ID.matcher(inReplyTo).matches()) {
            throw new IllegalArgumentException("Not a message id: " + inReplyTo);
        }
        references = List.copyOf(references);
        if (references.size() > MAX_REFERENCES
                || !references.stream().allMatch(id -> SAFE_ID.matcher(id).matches())) {
            throw new IllegalArgumentException("Not a thread of message ids: " + references);
        }
    }

    /**
     * The thread of an answer to a message with this Message-ID and these References. Ids that could not be written
     * back safely are left out, as is the Message-ID itself then: a sender-chosen value never reaches a header as is.
     */
    public static ReplyThread answering(@Nullable String messageId, List<String> parentReferences) {
        String answered = messageId != null && SAFE_ID.matcher(messageId).matches() ? messageId : null;
        List<String> thread = new ArrayList<>();
        for (String id : parentReferences) {
            if (SAFE_ID.matcher(id).matches() && !id.equals(answered) && !thread.contains(id)) {
                thread.add(id);
            }
        }
        if (answered != null) {
            thread.add(answered);
        }
        if (thread.size() > MAX_REFERENCES) {
            List<String> shortened = new ArrayList<>();
            shortened.add(thread.get(0));
            shortened.addAll(thread.subList(thread.size() - MAX_REFERENCES + 1, thread.size()));
            thread = shortened;
        }
        return new ReplyThread(answered, thread);
    }

    /** The In-Reply-To header's value; null when there is nothing to answer to. */
    public @Nullable String inReplyToHeader() {
        return inReplyTo == null ? null : "<" + inReplyTo + ">";
    }

    /** The References header's value; null for an empty thread. */
    public @Nullable String referencesHeader() {
        return references.isEmpty() ? null : "<" + String.join("> <", references) + ">";
    }
}
