-- The member's own card page is reached by a link with a token; only its SHA-256 is kept.
CREATE TABLE loyalty_card_link (
    member_id    BIGINT PRIMARY KEY REFERENCES loyalty_account (member_id),
    token_hash   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT loyalty_card_link_token_uk UNIQUE (token_hash)
);
