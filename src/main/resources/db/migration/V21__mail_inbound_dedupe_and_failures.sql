-- Issue 14, item 7. The dedupe key becomes 'mid:' + Message-ID + ' sha256:' + a hash of the content, or the hash
-- alone when a message has no Message-ID: a different message that reuses a Message-ID is stored too, and the same
-- message delivered or fetched again (it differs only in the trace fields the receiving side adds) is stored once.
-- Rows stored before keep their old keys; only a message still unseen on the server at the upgrade can come twice.
ALTER TABLE mail_inbound ADD COLUMN error VARCHAR(1000);
COMMENT ON COLUMN mail_inbound.error IS 'Why a FAILED message could not be stored, for staff';

-- FAILED: a message that could not be stored after several tries, kept raw with its error and not fetched again.
ALTER TABLE mail_inbound DROP CONSTRAINT mail_inbound_outcome_ck;
ALTER TABLE mail_inbound ADD CONSTRAINT mail_inbound_outcome_ck CHECK (outcome IN
    ('RECEIVED', 'ONBOARDING_STARTED', 'AWAITING_TRANSCRIPTION', 'REJECTED', 'IGNORED', 'FAILED'));

-- Failed attempts to store a fetched message, by its dedupe key, counted in the database so that several nodes
-- agree; the row goes once the message is stored.
CREATE TABLE mail_inbound_failure (
    dedupe_key      VARCHAR(300) PRIMARY KEY,
    failures        INT          NOT NULL,
    last_error      VARCHAR(1000) NOT NULL,
    first_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
