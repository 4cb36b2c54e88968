-- A message gives up a time span after it was written or last sent again by staff (decision 0031); null: since
-- created_at. An SMTP outage no longer counts as attempts.
ALTER TABLE mail_outbox ADD COLUMN retry_since TIMESTAMP WITH TIME ZONE;
