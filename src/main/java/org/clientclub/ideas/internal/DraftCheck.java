package org.clientclub.ideas.internal;

import java.util.ArrayList;
import java.util.List;
import org.clientclub.ideas.IdeaDraft;
import org.clientclub.ideas.IdeaRefused;
import org.clientclub.ideas.IdeaRules;

/**
 * What a typed proposal must be before it is stored. Text is kept as typed, apart from control characters (a NUL,
 * which PostgreSQL refuses in text, or a bidirectional override that would make a title read backwards in the staff
 * app), and shown escaped wherever it appears.
 */
final class DraftCheck {

    private DraftCheck() {}

    static IdeaDraft normalised(IdeaDraft draft) {
        String postcode = draft.postcode() == null ? null : draft.postcode().strip();
        return new IdeaDraft(
                singleLine(draft.title()),
                multiLine(draft.description()),
                draft.topic(),
                postcode == null || postcode.isEmpty() ? null : postcode,
                draft.photos());
    }

    static List<IdeaRefused.Reason> problems(IdeaDraft draft) {
        List<IdeaRefused.Reason> reasons = new ArrayList<>();
        int title = draft.title().codePointCount(0, draft.title().length());
        if (title < IdeaRules.MIN_TITLE || title > IdeaRules.MAX_TITLE) {
            reasons.add(new IdeaRefused.Reason("ideas.refused.title", IdeaRules.MIN_TITLE, IdeaRules.MAX_TITLE));
        }
        int description =
                draft.description().codePointCount(0, draft.description().length());
        if (description < IdeaRules.MIN_DESCRIPTION || description > IdeaRules.MAX_DESCRIPTION) {
            reasons.add(new IdeaRefused.Reason(
                    "ideas.refused.description", IdeaRules.MIN_DESCRIPTION, IdeaRules.MAX_DESCRIPTION));
        }
        if (draft.postcode() != null && !draft.postcode().matches("[0-9]{6}")) {
            reasons.add(new IdeaRefused.Reason("ideas.refused.postcode"));
        }
        if (draft.photos().size() > IdeaRules.MAX_PHOTOS) {
            reasons.add(new IdeaRefused.Reason("ideas.refused.photoCount", IdeaRules.MAX_PHOTOS));
        }
        return reasons;
    }

    /** Whitespace runs as one space; no control or format characters. */
    static String singleLine(String text) {
        return text.codePoints()
                .map(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c)
                .filter(c -> !isHidden(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .replaceAll(" {2,}", " ")
                .strip();
    }

    /** Line breaks kept (as \n), other control and format characters dropped. */
    static String multiLine(String text) {
        return text.replace("\r\n", "\n")
                .replace('\r', '\n')
                .codePoints()
                .filter(c -> c == '\n' || c == '\t' || !isHidden(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
    }

    private static boolean isHidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }
}
