-- The inbox's own indexes on the engine's tables (docs/decisions/0034). Applied by tasks.internal.EngineIndexes
-- after the engine has created its schema; IF NOT EXISTS so that indexes made by hand (CONCURRENTLY) are kept.
-- Every page is one range scan: open tasks (suspension_state_ = 1) in the inbox's order, ending in id_ for keyset.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Sort by due date, the ones without a due date last.
CREATE INDEX IF NOT EXISTS tasks_inbox_due
    ON act_ru_task (coalesce(due_date_, 'infinity'::timestamp), id_) WHERE suspension_state_ = 1;
-- Sort by priority, highest first (scanned backwards).
CREATE INDEX IF NOT EXISTS tasks_inbox_priority
    ON act_ru_task (priority_, id_) WHERE suspension_state_ = 1;
-- Newest first (scanned backwards).
CREATE INDEX IF NOT EXISTS tasks_inbox_created
    ON act_ru_task (create_time_, id_) WHERE suspension_state_ = 1;

-- "Mine": the same orders within one assignee.
CREATE INDEX IF NOT EXISTS tasks_inbox_assignee_due
    ON act_ru_task (assignee_, coalesce(due_date_, 'infinity'::timestamp), id_)
    WHERE suspension_state_ = 1 AND assignee_ IS NOT NULL;
CREATE INDEX IF NOT EXISTS tasks_inbox_assignee_priority
    ON act_ru_task (assignee_, priority_, id_) WHERE suspension_state_ = 1 AND assignee_ IS NOT NULL;
CREATE INDEX IF NOT EXISTS tasks_inbox_assignee_created
    ON act_ru_task (assignee_, create_time_, id_) WHERE suspension_state_ = 1 AND assignee_ IS NOT NULL;

-- Whether one of my groups is a candidate for a task is the engine's own act_idx_tskass_task (task_id_), probed
-- once per task along the sort index (InboxQueryPlanTest checks it).

-- Search: part of the task name or of the business key, in any case.
CREATE INDEX IF NOT EXISTS tasks_inbox_name_trgm
    ON act_ru_task USING gin (name_ gin_trgm_ops) WHERE suspension_state_ = 1;
CREATE INDEX IF NOT EXISTS tasks_inbox_business_key_trgm
    ON act_ru_execution USING gin (business_key_ gin_trgm_ops) WHERE business_key_ IS NOT NULL;
