-- Ideas: members' proposals, their supporters, their photos and the members' personal proposal links.
-- Similar ideas are found by full-text search (the russian configuration) and by trigram similarity of titles.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE ideas_idea (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id       BIGINT NOT NULL,
    title           VARCHAR(150) NOT NULL,
    description     VARCHAR(5000) NOT NULL,
    topic           VARCHAR(32) NOT NULL,
    postcode        CHAR(6),
    status          VARCHAR(32) NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The page's key for one sending: a form sent twice stores one idea.
    submission_key  VARCHAR(64) NOT NULL,
    search          TSVECTOR GENERATED ALWAYS AS (
                        setweight(to_tsvector('russian', title), 'A')
                        || setweight(to_tsvector('russian', description), 'B')) STORED,
    CONSTRAINT ideas_idea_submission_uk UNIQUE (author_id, submission_key),
    CONSTRAINT ideas_idea_postcode_ck CHECK (postcode ~ '^[0-9]{6}$')
);
CREATE INDEX ideas_idea_search_idx ON ideas_idea USING gin (search);
CREATE INDEX ideas_idea_title_trgm_idx ON ideas_idea USING gin (title gin_trgm_ops);
CREATE INDEX ideas_idea_author_idx ON ideas_idea (author_id);

CREATE TABLE ideas_support (
    idea_id       BIGINT NOT NULL REFERENCES ideas_idea (id),
    member_id     BIGINT NOT NULL,
    supported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (idea_id, member_id)
);
CREATE INDEX ideas_support_member_idx ON ideas_support (member_id);

-- Re-encoded by the club (JPEG, at most 1600 px a side): no uploaded byte and no metadata is kept.
CREATE TABLE ideas_photo (
    idea_id     BIGINT NOT NULL REFERENCES ideas_idea (id),
    position    SMALLINT NOT NULL,
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    jpeg        BYTEA NOT NULL,
    PRIMARY KEY (idea_id, position)
);

-- Personal proposal links, one per club e-mail that carries one, each valid for a year (or until revoked); only the
-- token's SHA-256 is kept, so a copy of the database opens nothing.
CREATE TABLE ideas_link (
    token_hash  VARCHAR(64) PRIMARY KEY,
    member_id   BIGINT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ideas_link_member_idx ON ideas_link (member_id);
