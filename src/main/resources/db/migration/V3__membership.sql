-- Questionnaires as submitted: kept whether or not they lead to a membership.
CREATE TABLE membership_application (
    id                       BIGSERIAL PRIMARY KEY,
    channel                  VARCHAR(10)  NOT NULL,
    status                   VARCHAR(30)  NOT NULL,
    last_name                VARCHAR(100) NOT NULL,
    first_name               VARCHAR(100) NOT NULL,
    patronymic               VARCHAR(100),
    email                    VARCHAR(254) NOT NULL,
    phone                    VARCHAR(30),
    birth_date               DATE         NOT NULL,
    region_code              VARCHAR(3)   NOT NULL,
    town                     VARCHAR(100) NOT NULL,
    postcode                 VARCHAR(6)   NOT NULL,
    interests                VARCHAR(200) NOT NULL,
    language                 VARCHAR(2)   NOT NULL,
    ready_for_interaction    BOOLEAN      NOT NULL,
    guardian_email           VARCHAR(254),
    submitted_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmation_deadline    TIMESTAMP WITH TIME ZONE,
    confirmed_at             TIMESTAMP WITH TIME ZONE,
    member_id                BIGINT,
    CONSTRAINT membership_application_status_ck CHECK (status IN ('AWAITING_CONFIRMATION', 'AWAITING_GUARDIAN',
        'CONFIRMED', 'MEMBER_CREATED', 'ALREADY_MEMBER', 'FEEDBACK_ONLY', 'LAPSED', 'GUARDIAN_DECLINED'))
);
CREATE INDEX membership_application_email_idx ON membership_application (email);
CREATE INDEX membership_application_member_idx ON membership_application (member_id);

-- The consent to personal-data processing: its own versioned document (152-FZ), never part of the questionnaire.
CREATE TABLE membership_consent_document (
    version         INT          NOT NULL,
    language        VARCHAR(2)   NOT NULL,
    title           VARCHAR(200) NOT NULL,
    body            TEXT         NOT NULL,
    effective_from  DATE         NOT NULL,
    PRIMARY KEY (version, language)
);

-- Who accepted which version, when, and through which channel.
CREATE TABLE membership_consent (
    id                BIGSERIAL PRIMARY KEY,
    application_id    BIGINT       NOT NULL REFERENCES membership_application (id),
    subject           VARCHAR(10)  NOT NULL,
    subject_email     VARCHAR(254) NOT NULL,
    document_version  INT          NOT NULL,
    language          VARCHAR(2)   NOT NULL,
    channel           VARCHAR(10)  NOT NULL,
    accepted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    client_address    VARCHAR(64),
    CONSTRAINT membership_consent_subject_ck CHECK (subject IN ('APPLICANT', 'GUARDIAN')),
    CONSTRAINT membership_consent_uk UNIQUE (application_id, subject)
);

-- Links sent by e-mail. Only a hash of each token is kept, so a copy of the database opens no link.
CREATE TABLE membership_token (
    token_hash      VARCHAR(64)  PRIMARY KEY,
    application_id  BIGINT       NOT NULL REFERENCES membership_application (id),
    purpose         VARCHAR(20)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT membership_token_purpose_ck CHECK (purpose IN ('CONFIRM_EMAIL', 'GUARDIAN_CONSENT'))
);
CREATE INDEX membership_token_application_idx ON membership_token (application_id);

CREATE SEQUENCE membership_member_number_seq START WITH 100001;

CREATE TABLE membership_member (
    id                BIGSERIAL PRIMARY KEY,
    member_number     VARCHAR(12)  NOT NULL,
    application_id    BIGINT       NOT NULL REFERENCES membership_application (id),
    last_name         VARCHAR(100) NOT NULL,
    first_name        VARCHAR(100) NOT NULL,
    patronymic        VARCHAR(100),
    email             VARCHAR(254) NOT NULL,
    phone             VARCHAR(30),
    birth_date        DATE         NOT NULL,
    region_code       VARCHAR(3)   NOT NULL,
    town              VARCHAR(100) NOT NULL,
    postcode          VARCHAR(6)   NOT NULL,
    interests         VARCHAR(200) NOT NULL,
    language          VARCHAR(2)   NOT NULL,
    joined_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT membership_member_number_uk UNIQUE (member_number),
    -- One member per e-mail address, whatever races two confirmations run.
    CONSTRAINT membership_member_email_uk UNIQUE (email)
);
CREATE INDEX membership_member_name_idx ON membership_member (lower(last_name), lower(first_name));
CREATE INDEX membership_member_joined_idx ON membership_member (joined_at DESC, id DESC);

ALTER TABLE membership_application
    ADD CONSTRAINT membership_application_member_fk FOREIGN KEY (member_id) REFERENCES membership_member (id);
