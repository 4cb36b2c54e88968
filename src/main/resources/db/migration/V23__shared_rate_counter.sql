-- Counters of rate limits and mail quotas, in the database so that several nodes count together
-- (docs/decisions/0022-limits-counted-in-the-database.md). One row per key and window; a row is worthless once
-- its window has ended, and new windows delete ended ones as they go.
CREATE TABLE shared_rate_counter (
    counter_key   VARCHAR(400) NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end    TIMESTAMP WITH TIME ZONE NOT NULL,
    count         INT          NOT NULL,
    PRIMARY KEY (counter_key, window_start)
);
CREATE INDEX shared_rate_counter_end_idx ON shared_rate_counter (window_end);

-- When the club refused to send an application's confirmation or guardian mail (a daily quota was used up).
ALTER TABLE membership_application ADD COLUMN mail_refused_at TIMESTAMP WITH TIME ZONE;
