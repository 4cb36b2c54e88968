-- What the engine's tables cannot tell afterwards: how many jobs waited, sampled once per interval (every 5 minutes)
-- by whichever node comes first (the key is the interval's start), kept for two days (decision 0033).
CREATE TABLE workflow_figure_sample (
    sampled_at     TIMESTAMP WITH TIME ZONE PRIMARY KEY,
    due_jobs       BIGINT NOT NULL,
    failed_jobs    BIGINT NOT NULL,
    open_incidents BIGINT NOT NULL
);
