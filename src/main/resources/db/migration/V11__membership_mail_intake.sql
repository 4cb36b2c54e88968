-- Questionnaires that came by e-mail: one row per message of the club mailbox that onboarding looked at.
CREATE TABLE membership_mail_intake (
    -- The message's id in the mail module's club mailbox (no foreign key: the table belongs to another module).
    inbound_mail_id   BIGINT PRIMARY KEY,
    sender            VARCHAR(320),
    language          VARCHAR(2)   NOT NULL,
    -- The attachment a person has to type in, when one has to.
    attachment_index  INT,
    -- Why it was rejected or handed to a person (a key under intake.reason.), and the fields that were wrong.
    reason            VARCHAR(100),
    reason_fields     VARCHAR(500),
    -- Staff's transcription (JSON) until onboarding starts from it.
    transcription     TEXT,
    transcribed_by    VARCHAR(100),
    -- The one application a message may make: handling the same message again finds it here.
    application_id    BIGINT REFERENCES membership_application (id),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT membership_mail_intake_application_uk UNIQUE (application_id)
);
