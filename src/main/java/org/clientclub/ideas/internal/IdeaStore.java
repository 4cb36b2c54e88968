package org.clientclub.ideas.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clientclub.ideas.IdeaDraft;
import org.clientclub.ideas.IdeaId;
import org.clientclub.ideas.IdeaStatus;
import org.clientclub.ideas.SimilarIdea;
import org.clientclub.membership.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The one writer of the ideas tables. */
@Component
class IdeaStore {

    /** Ideas a member may still support; closed ones will join as the review process gets them. */
    private static final String[] OPEN = {IdeaStatus.SUBMITTED.name()};

    private final JdbcClient jdbc;

    IdeaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new idea, or empty when this member's submission key was stored before */
    Optional<IdeaId> insert(MemberId author, String submissionKey, IdeaDraft draft, Instant now) {
        return jdbc.sql("""
                        INSERT INTO ideas_idea (author_id, title, description, topic, postcode, status, submitted_at,
                                                submission_key)
                        VALUES (:author, :title, :description, :topic, :postcode, :status, :now, :key)
                        ON CONFLICT (author_id, submission_key) DO NOTHING
                        RETURNING id""")
                .param("author", author.value())
                .param("title", draft.title())
                .param("description", draft.description())
                .param("topic", draft.topic().name())
                .param("postcode", draft.postcode())
                .param("status", IdeaStatus.SUBMITTED.name())
                .param("now", Timestamp.from(now))
                .param("key", submissionKey)
                .query(Long.class)
                .optional()
                .map(IdeaId::of);
    }

    IdeaId stored(MemberId author, String submissionKey) {
        return IdeaId.of(jdbc.sql("SELECT id FROM ideas_idea WHERE author_id = :author AND submission_key = :key")
                .param("author", author.value())
                .param("key", submissionKey)
                .query(Long.class)
                .single());
    }

    void insertPhoto(IdeaId idea, int position, Photos.Photo photo) {
        jdbc.sql("""
                        INSERT INTO ideas_photo (idea_id, position, width, height, jpeg)
                        VALUES (:idea, :position, :width, :height, :jpeg)""")
                .param("idea", idea.value())
                .param("position", position)
                .param("width", photo.width())
                .param("height", photo.height())
                .param("jpeg", photo.jpeg())
                .update();
    }

    Optional<MemberId> author(IdeaId idea) {
        return jdbc.sql("SELECT author_id FROM ideas_idea WHERE id = :idea")
                .param("idea", idea.value())
                .query(Long.class)
                .optional()
                .map(MemberId::of);
    }

    void support(IdeaId idea, MemberId member, Instant now) {
        jdbc.sql("""
                        INSERT INTO ideas_support (idea_id, member_id, supported_at) VALUES (:idea, :member, :now)
                        ON CONFLICT DO NOTHING""")
                .param("idea", idea.value())
                .param("member", member.value())
                .param("now", Timestamp.from(now))
                .update();
    }

    void withdrawSupport(IdeaId idea, MemberId member) {
        jdbc.sql("DELETE FROM ideas_support WHERE idea_id = :idea AND member_id = :member")
                .param("idea", idea.value())
                .param("member", member.value())
                .update();
    }

    int supporters(IdeaId idea) {
        return jdbc.sql("SELECT count(*) FROM ideas_support WHERE idea_id = :idea")
                .param("idea", idea.value())
                .query(Integer.class)
                .single();
    }

    /**
     * Titles alike by trigrams ({@code %}, pg_trgm's similarity threshold) or texts that hold every word of the query
     * in the russian configuration (so "посылки" finds "посылок"), both through their GIN indexes.
     */
    List<SimilarIdea> similar(String text, int limit) {
        return jdbc.sql("""
                        SELECT i.id, i.title, i.status,
                               (SELECT count(*) FROM ideas_support s WHERE s.idea_id = i.id) AS supporters
                          FROM ideas_idea i
                         WHERE i.status = ANY (:open)
                           AND (i.title % :text OR i.search @@ plainto_tsquery('russian', :text))
                         ORDER BY greatest(similarity(i.title, :text),
                                           ts_rank(i.search, plainto_tsquery('russian', :text))) DESC, i.id DESC
                         LIMIT :limit""")
                .param("open", OPEN)
                .param("text", text)
                .param("limit", limit)
                .query((rs, i) -> new SimilarIdea(
                        IdeaId.of(rs.getLong("id")),
                        rs.getString("title"),
                        IdeaStatus.valueOf(rs.getString("status")),
                        rs.getInt("supporters")))
                .list();
    }
}
