-- Issue 15, item 2. Mail's outcomes fit every handler of the club mailbox, not membership's intake alone, and the
-- reason is a whole message key owned by whoever gave it (the handler's, or mail's own for what it did itself),
-- so that mail shows a reason without knowing it.
ALTER TABLE mail_inbound DROP CONSTRAINT mail_inbound_outcome_ck;
UPDATE mail_inbound SET outcome = CASE outcome
        WHEN 'ONBOARDING_STARTED' THEN 'HANDLED'
        WHEN 'AWAITING_TRANSCRIPTION' THEN 'NEEDS_PERSON'
        WHEN 'REJECTED' THEN 'ANSWERED'
        ELSE outcome END,
    reason = CASE
        WHEN reason IS NULL THEN NULL
        WHEN reason IN ('storeFailed', 'tooManyFromSender') THEN 'mailbox.reason.' || reason
        ELSE 'intake.reason.' || reason END;
ALTER TABLE mail_inbound ADD CONSTRAINT mail_inbound_outcome_ck CHECK (outcome IN
    ('RECEIVED', 'HANDLED', 'NEEDS_PERSON', 'ANSWERED', 'IGNORED', 'FAILED'));
COMMENT ON COLUMN mail_inbound.reason IS 'A message key saying why, given by the handler that owns the message or by mail';

-- What the intake keeps of a message when the mail module hands it over, parsed: the message as the parser read
-- it, without its text and with the bytes only of attachments that may be the questionnaire. Kept until the intake
-- ends, so that the message is parsed once per handling.
ALTER TABLE membership_mail_intake ADD COLUMN message TEXT;
