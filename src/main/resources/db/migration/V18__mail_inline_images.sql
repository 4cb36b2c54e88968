-- Images a message carries inside it (a loyalty card's barcode and QR code in the welcome e-mail), referred to from
-- its HTML as cid:<content_id>. Kept with the message so a retry or a re-send from the mail log sends them again.
CREATE TABLE mail_outbox_inline (
    outbox_id     BIGINT       NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    content_id    VARCHAR(100) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    data          BYTEA        NOT NULL,
    CONSTRAINT mail_outbox_inline_pk PRIMARY KEY (outbox_id, content_id)
);
