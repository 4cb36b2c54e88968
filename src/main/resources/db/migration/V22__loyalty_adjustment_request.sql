-- What a manual points adjustment asks for, as its requester asked for it. The booking reads it from here, not from
-- process variables, which someone with rights in the Camunda webapps could rewrite between request and approval.
CREATE TABLE loyalty_adjustment_request (
    business_key  VARCHAR(64)  PRIMARY KEY,
    member_id     BIGINT       NOT NULL REFERENCES loyalty_account (member_id),
    points        BIGINT       NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    requested_by  VARCHAR(255) NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT loyalty_adjustment_request_points_ck CHECK (points <> 0)
);

-- Requests still waiting for approval when this version is installed: taken over from their process variables once,
-- so they are not lost. On a first start the engine's tables do not exist yet and there is nothing to take over.
DO $$
BEGIN
    IF to_regclass('act_ru_execution') IS NOT NULL THEN
        INSERT INTO loyalty_adjustment_request (business_key, member_id, points, reason, requested_by, requested_at)
        SELECT e.business_key_, m.long_, p.long_, left(r.text_, 500), q.text_, now()
        FROM act_ru_execution e
        JOIN act_re_procdef d ON d.id_ = e.proc_def_id_ AND d.key_ = 'PointsAdjustmentProcess'
        JOIN act_ru_variable m ON m.execution_id_ = e.id_ AND m.name_ = 'memberId'
        JOIN act_ru_variable p ON p.execution_id_ = e.id_ AND p.name_ = 'points'
        JOIN act_ru_variable r ON r.execution_id_ = e.id_ AND r.name_ = 'reason'
        JOIN act_ru_variable q ON q.execution_id_ = e.id_ AND q.name_ = 'requestedBy'
        JOIN loyalty_account a ON a.member_id = m.long_
        WHERE e.id_ = e.proc_inst_id_ AND e.business_key_ IS NOT NULL AND p.long_ <> 0
        ON CONFLICT (business_key) DO NOTHING;
    END IF;
END $$;
