-- No secret outlives its sending (decision 0023).

-- Unsubscribe links: every message carries a token of its own; only its SHA-256 is kept. The hashes of the plain
-- tokens move over, so the links in mail already delivered keep working, and the plain values go.
-- sha256() is built into PostgreSQL 11 and later: no extension needed.
CREATE TABLE mail_unsubscribe_token (
    token_hash  VARCHAR(64)  PRIMARY KEY,
    email       VARCHAR(254) NOT NULL REFERENCES mail_recipient (email),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mail_unsubscribe_token_email_idx ON mail_unsubscribe_token (email);
INSERT INTO mail_unsubscribe_token (token_hash, email, created_at)
SELECT encode(sha256(convert_to(unsubscribe_token, 'UTF8')), 'hex'), email, now() FROM mail_recipient;
ALTER TABLE mail_recipient DROP COLUMN unsubscribe_token;

-- A message's rendered body (and the links in it) is discarded once it is sent, or at once when it is never to be
-- sent; subject, recipient, template, status and times stay for the mail log.
ALTER TABLE mail_outbox ADD COLUMN body_discarded_at TIMESTAMP WITH TIME ZONE;
UPDATE mail_outbox SET body_html = '', body_text = '', list_unsubscribe = NULL, body_discarded_at = coalesce(sent_at, now())
 WHERE status IN ('SENT', 'SUPPRESSED');
DELETE FROM mail_outbox_inline i USING mail_outbox m WHERE m.id = i.outbox_id AND m.body_discarded_at IS NOT NULL;

-- Card links expire (a set time after they were issued) and staff can revoke one.
ALTER TABLE loyalty_card_link ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
