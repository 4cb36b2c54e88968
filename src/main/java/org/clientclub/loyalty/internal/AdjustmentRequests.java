package org.clientclub.loyalty.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manual adjustments as their requesters asked for them (loyalty_adjustment_request). The process carries only the
 * business key and the requester; what is booked comes from here, so rewriting process variables changes nothing.
 */
@Component
public class AdjustmentRequests {

    /** An adjustment as it was asked for. */
    public record Request(long memberId, long points, String reason, String requestedBy) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public AdjustmentRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String businessKey, Request request) {
        jdbc.sql("""
                        INSERT INTO loyalty_adjustment_request (business_key, member_id, points, reason, requested_by,
                                                                requested_at)
                        VALUES (:key, :m, :points, :reason, :by, :now)""")
                .param("key", businessKey)
                .param("m", request.memberId())
                .param("points", request.points())
                .param("reason", request.reason())
                .param("by", request.requestedBy())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public Optional<Request> find(String businessKey) {
        return jdbc.sql("SELECT member_id, points, reason, requested_by FROM loyalty_adjustment_request "
                        + "WHERE business_key = :key")
                .param("key", businessKey)
                .query((rs, i) -> new Request(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional();
    }
}
