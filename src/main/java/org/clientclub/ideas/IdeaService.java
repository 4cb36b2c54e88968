package org.clientclub.ideas;

import java.util.List;
import org.clientclub.membership.MemberId;

/**
 * What members do with ideas through their personal link. Every call takes the link's token, not a member id, so a
 * page can act only for the member whose link it was opened with; a malformed, unknown or revoked token is refused
 * with {@code ideas.refused.link} and names nobody.
 */
public interface IdeaService {

    /**
     * A new personal link for proposing ideas, for one club e-mail to carry: valid for a year, so an old e-mail's link
     * still works; only its hash is kept.
     */
    String proposalLink(MemberId member);

    /** Whether the token opens a member's proposal page now. */
    boolean opens(String token);

    /**
     * Stores the proposal and its photos (re-encoded, without their metadata) and publishes {@link IdeaSubmitted}.
     * The same {@code submissionKey} twice (a page sent again) stores one idea and returns it both times.
     *
     * @throws IdeaRefused with every reason at once: a title or description too short or too long, more than three
     *     photos, a file that is not a JPEG or PNG image by its content, one over 5 MB or of absurd dimensions, a
     *     postcode that is not six digits
     */
    IdeaId submit(String token, String submissionKey, IdeaDraft draft);

    /** Up to {@code limit} open ideas whose title or text reads like {@code text}, closest first; none for short text. */
    List<SimilarIdea> similar(String text, int limit);

    /**
     * The member supports the idea; supporting it again changes nothing.
     *
     * @throws IdeaRefused {@code ideas.refused.ownIdea} for the author, {@code ideas.refused.unknownIdea}
     */
    void support(String token, IdeaId idea);

    /** The member no longer supports the idea; nothing happens when they did not. */
    void withdrawSupport(String token, IdeaId idea);

    /** How many members support the idea. */
    int supporters(IdeaId idea);
}
