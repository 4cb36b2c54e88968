-- Loyalty: one account per member with its balance, the cards that earn into it, and the append-only ledger.
CREATE TABLE loyalty_account (
    member_id    BIGINT PRIMARY KEY REFERENCES membership_member (id),
    balance      BIGINT NOT NULL DEFAULT 0,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The backstop behind the service's row lock: whatever happens, no account goes below zero.
    CONSTRAINT loyalty_account_balance_ck CHECK (balance >= 0)
);

CREATE SEQUENCE loyalty_card_number_seq START WITH 1;

CREATE TABLE loyalty_card (
    id            BIGSERIAL PRIMARY KEY,
    member_id     BIGINT      NOT NULL REFERENCES loyalty_account (member_id),
    card_number   VARCHAR(13) NOT NULL,
    status        VARCHAR(10) NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT loyalty_card_number_uk UNIQUE (card_number),
    CONSTRAINT loyalty_card_status_ck CHECK (status IN ('ACTIVE', 'BLOCKED', 'REPLACED'))
);
-- At most one card per member earns at a time.
CREATE UNIQUE INDEX loyalty_card_one_active_idx ON loyalty_card (member_id) WHERE status = 'ACTIVE';

CREATE TABLE loyalty_ledger_entry (
    id            BIGSERIAL PRIMARY KEY,
    member_id     BIGINT       NOT NULL REFERENCES loyalty_account (member_id),
    card_id       BIGINT       REFERENCES loyalty_card (id),
    kind          VARCHAR(10)  NOT NULL,
    points        BIGINT       NOT NULL,
    source_ref    VARCHAR(200) NOT NULL,
    reason        VARCHAR(500),
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(100),
    -- A retried job or a re-imported file names the same source and books nothing twice.
    CONSTRAINT loyalty_ledger_entry_source_uk UNIQUE (source_ref),
    CONSTRAINT loyalty_ledger_entry_kind_ck CHECK (kind IN ('EARN', 'REDEEM', 'EXPIRE', 'REVERSE', 'ADJUST')),
    CONSTRAINT loyalty_ledger_entry_points_ck CHECK (points <> 0)
);
-- A member's history, newest first.
CREATE INDEX loyalty_ledger_entry_member_idx ON loyalty_ledger_entry (member_id, occurred_at DESC, id DESC);
