-- The outbox: every e-mail is written here in the transaction of the business change and sent by a worker.
CREATE TABLE mail_outbox (
    id                 BIGSERIAL PRIMARY KEY,
    idempotency_key    VARCHAR(300) NOT NULL,
    recipient          VARCHAR(254) NOT NULL,
    language           VARCHAR(2)   NOT NULL,
    template           VARCHAR(100) NOT NULL,
    kind               VARCHAR(20)  NOT NULL,
    subject            VARCHAR(500) NOT NULL,
    body_html          TEXT         NOT NULL,
    body_text          TEXT         NOT NULL,
    message_id         VARCHAR(300) NOT NULL,
    list_unsubscribe   VARCHAR(500),
    status             VARCHAR(20)  NOT NULL,
    attempts           INT          NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error         VARCHAR(2000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mail_outbox_idempotency_key_uk UNIQUE (idempotency_key),
    CONSTRAINT mail_outbox_status_ck CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED'))
);
-- The worker's claim query reads only due, unsent rows.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_recipient_idx ON mail_outbox (recipient);
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id DESC);

-- One row per address we have written to: its unsubscribe token and whether it opted out of club mail.
CREATE TABLE mail_recipient (
    email              VARCHAR(254) PRIMARY KEY,
    unsubscribe_token  VARCHAR(64)  NOT NULL,
    unsubscribed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mail_recipient_token_uk UNIQUE (unsubscribe_token)
);
