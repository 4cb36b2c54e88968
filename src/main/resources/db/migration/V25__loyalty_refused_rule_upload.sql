-- Earning-table uploads that were refused, with the reason, kept for managers to see and download (bad input loses
-- nothing). Bounded by the upload limit (1 MB each) and pruned to the newest ones by the writer.
CREATE TABLE loyalty_rule_upload_refused (
    id           BIGSERIAL PRIMARY KEY,
    uploaded_by  VARCHAR(100)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    reason       VARCHAR(100)  NOT NULL,
    detail       VARCHAR(2000) NOT NULL,
    content      BYTEA         NOT NULL
);
CREATE INDEX loyalty_rule_upload_refused_idx ON loyalty_rule_upload_refused (uploaded_at DESC, id DESC);
