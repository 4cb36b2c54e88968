-- Purchase files from the tills: one row per upload, the file itself kept in 1 MB parts, and the rejected lines.
CREATE TABLE loyalty_import (
    id                BIGSERIAL PRIMARY KEY,
    file_name         VARCHAR(255) NOT NULL,
    file_size         BIGINT       NOT NULL,
    charset           VARCHAR(20),
    uploaded_by       VARCHAR(100) NOT NULL,
    uploaded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(10)  NOT NULL,
    -- Lines up to here are booked: a restart carries on after them.
    lines_done        BIGINT       NOT NULL DEFAULT 0,
    lines_booked      BIGINT       NOT NULL DEFAULT 0,
    lines_duplicate   BIGINT       NOT NULL DEFAULT 0,
    lines_rejected    BIGINT       NOT NULL DEFAULT 0,
    points_booked     BIGINT       NOT NULL DEFAULT 0,
    heartbeat_at      TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
    failure           VARCHAR(1000),
    CONSTRAINT loyalty_import_status_ck CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX loyalty_import_uploaded_idx ON loyalty_import (uploaded_at DESC, id DESC);

CREATE TABLE loyalty_import_part (
    import_id   BIGINT NOT NULL REFERENCES loyalty_import (id),
    part_no     INT    NOT NULL,
    data        BYTEA  NOT NULL,
    PRIMARY KEY (import_id, part_no)
);

CREATE TABLE loyalty_import_error (
    import_id   BIGINT        NOT NULL REFERENCES loyalty_import (id),
    line_no     BIGINT        NOT NULL,
    reason      VARCHAR(100)  NOT NULL,
    raw_line    VARCHAR(1000) NOT NULL,
    PRIMARY KEY (import_id, line_no)
);
