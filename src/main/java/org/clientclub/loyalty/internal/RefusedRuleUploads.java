package org.clientclub.loyalty.internal;

import java.util.List;
import java.util.Optional;
import org.clientclub.loyalty.InvalidEarningRule;
import org.clientclub.loyalty.RefusedEarningRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earning-table uploads that were refused, kept with the reason so that managers see what was refused and why, and
 * can download the file again. Written in a transaction of its own: the upload's transaction rolls back.
 */
@Component
public class RefusedRuleUploads {

    /** The newest ones are what a manager looks for; older ones go when a new one comes. */
    static final int KEPT = 50;

    private final JdbcClient jdbc;

    RefusedRuleUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void keep(String uploadedBy, byte[] content, InvalidEarningRule refusal) {
        String detail = refusal.detail().length() <= 2000
                ? refusal.detail()
                : refusal.detail().substring(0, 1999) + "…";
        jdbc.sql("""
                        INSERT INTO loyalty_rule_upload_refused (uploaded_by, reason, detail, content)
                        VALUES (:by, :reason, :detail, :content)""")
                .param("by", uploadedBy)
                .param("reason", refusal.reason())
                .param("detail", detail)
                .param("content", content)
                .update();
        jdbc.sql("""
                        DELETE FROM loyalty_rule_upload_refused WHERE id NOT IN (
                            SELECT id FROM loyalty_rule_upload_refused ORDER BY uploaded_at DESC, id DESC LIMIT :kept)""").param("kept", KEPT).update();
    }

    public List<RefusedEarningRule> newest() {
        return jdbc.sql("""
                        SELECT id, uploaded_by, uploaded_at, reason, detail FROM loyalty_rule_upload_refused
                         ORDER BY uploaded_at DESC, id DESC LIMIT :kept""")
                .param("kept", KEPT)
                .query((rs, i) -> new RefusedEarningRule(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    public Optional<byte[]> content(long id) {
        return jdbc.sql("SELECT content FROM loyalty_rule_upload_refused WHERE id = :id")
                .param("id", id)
                .query(byte[].class)
                .optional();
    }
}
