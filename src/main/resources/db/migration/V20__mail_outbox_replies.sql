-- Answers to received mail (rejections of mailed questionnaires) are marked and threaded: Auto-Submitted tells
-- the sender's robots not to answer them (RFC 3834), In-Reply-To and References put them under the message
-- they answer. Everything else the club sends stays auto-generated.
ALTER TABLE mail_outbox
    ADD COLUMN auto_submitted   VARCHAR(20)   NOT NULL DEFAULT 'auto-generated',
    ADD COLUMN in_reply_to      VARCHAR(300),
    ADD COLUMN reply_references VARCHAR(3000),
    ADD CONSTRAINT mail_outbox_auto_submitted_ck CHECK (auto_submitted IN ('auto-generated', 'auto-replied'));
