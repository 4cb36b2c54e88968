-- The club mailbox: every e-mail that reaches it, stored raw before anything else happens to it.
CREATE TABLE mail_inbound (
    id              BIGSERIAL PRIMARY KEY,
    -- 'mid:' + Message-ID, or 'sha256:' + the hash of the raw bytes when a message has no Message-ID:
    -- the same message fetched twice (a crash before it was marked done, two nodes) is stored once.
    dedupe_key      VARCHAR(300)  NOT NULL,
    message_id      VARCHAR(998),
    sender          VARCHAR(320),
    subject         VARCHAR(1000),
    attachment_names VARCHAR(2000),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The size on the server; raw holds all of it unless raw_truncated (over the storage limit).
    size            BIGINT        NOT NULL,
    raw             BYTEA         NOT NULL,
    raw_truncated   BOOLEAN       NOT NULL DEFAULT FALSE,
    outcome         VARCHAR(30)   NOT NULL,
    -- A message key under intake.reason. saying why it was rejected, ignored or sent to a person.
    reason          VARCHAR(100),
    processed_at    TIMESTAMP WITH TIME ZONE,
    reprocessed     INT           NOT NULL DEFAULT 0,
    CONSTRAINT mail_inbound_dedupe_uk UNIQUE (dedupe_key),
    CONSTRAINT mail_inbound_outcome_ck CHECK (outcome IN
        ('RECEIVED', 'ONBOARDING_STARTED', 'AWAITING_TRANSCRIPTION', 'REJECTED', 'IGNORED'))
);
CREATE INDEX mail_inbound_received_idx ON mail_inbound (received_at DESC, id DESC);
CREATE INDEX mail_inbound_outcome_idx ON mail_inbound (outcome, received_at DESC, id DESC);
