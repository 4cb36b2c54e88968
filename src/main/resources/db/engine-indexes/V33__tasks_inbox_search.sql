-- The two searches V32's trigram indexes leave slow at a million tasks (docs/decisions/0039). Every statement here
-- may run again on the same schema: IF NOT EXISTS, CREATE OR REPLACE, DROP … IF EXISTS before each CREATE.
-- pg_trgm comes with V32; btree_gin lets a plain column sit in a trigram GIN index.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- A full business key: every key begins with its kind ('application-'), whose trigrams match every execution.
-- The key after its first dash holds whatever follows the first dash of a needle (InboxQuery searches it too).
CREATE INDEX IF NOT EXISTS tasks_inbox_business_key_tail_trgm
    ON act_ru_execution USING gin ((regexp_replace(business_key_, '^[^-]*-', '')) gin_trgm_ops)
    WHERE business_key_ IS NOT NULL;

-- V32's due-date index with the due date itself beside the key: a walk along it (my groups' tasks, a common name)
-- then reads the index alone, as the walks by priority and creation time do, not each task's row.
DROP INDEX IF EXISTS tasks_inbox_due;
CREATE INDEX tasks_inbox_due
    ON act_ru_task (coalesce(due_date_, 'infinity'::timestamp), id_) INCLUDE (due_date_) WHERE suspension_state_ = 1;

-- A name common among all tasks but rare among one group's: each candidate group of each task with the task's
-- name, so that one index answers "my group and this text" together. Triggers on the engine's tables keep it,
-- whoever writes them (the engine, Cockpit, the REST API); they write this table only.
CREATE TABLE IF NOT EXISTS tasks_inbox_search (
    task_id_ varchar(64) NOT NULL,
    group_id_ varchar(255) NOT NULL,
    name_ varchar(255),
    -- The name beside the key: the walk along a sort index tests "my group and this name" from the index alone.
    PRIMARY KEY (task_id_, group_id_) INCLUDE (name_)
);
CREATE INDEX IF NOT EXISTS tasks_inbox_search_group_name
    ON tasks_inbox_search USING gin (group_id_, name_ gin_trgm_ops);

-- V32's trigram index on every task's name is left to no arm: my groups' names are searched here, my own tasks
-- along the assignee's index (a thousand or so); dropping it spares every task insert and rename a GIN entry.
DROP INDEX IF EXISTS tasks_inbox_name_trgm;

-- A candidate group link added, removed or changed. The engine inserts a task before its links and deletes the
-- links before the task (a foreign key), so the task row is there for an insert, and a deleted task leaves no row.
CREATE OR REPLACE FUNCTION tasks_inbox_search_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.type_ = 'candidate' AND OLD.task_id_ IS NOT NULL AND OLD.group_id_ IS NOT NULL THEN
        -- A task may hold the same group twice; the row goes with the last such link.
        DELETE FROM tasks_inbox_search s
        WHERE s.task_id_ = OLD.task_id_ AND s.group_id_ = OLD.group_id_
            AND NOT EXISTS (SELECT 1 FROM act_ru_identitylink i
                            WHERE i.task_id_ = OLD.task_id_ AND i.group_id_ = OLD.group_id_ AND i.type_ = 'candidate');
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.type_ = 'candidate' AND NEW.task_id_ IS NOT NULL AND NEW.group_id_ IS NOT NULL THEN
        INSERT INTO tasks_inbox_search (task_id_, group_id_, name_)
        SELECT t.id_, NEW.group_id_, t.name_ FROM act_ru_task t WHERE t.id_ = NEW.task_id_
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS tasks_inbox_search_link ON act_ru_identitylink;
CREATE TRIGGER tasks_inbox_search_link
    AFTER INSERT OR DELETE OR UPDATE OF task_id_, group_id_, type_ ON act_ru_identitylink
    FOR EACH ROW EXECUTE FUNCTION tasks_inbox_search_link();

-- A task renamed (a task listener, the REST API, Tasklist).
CREATE OR REPLACE FUNCTION tasks_inbox_search_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tasks_inbox_search SET name_ = NEW.name_ WHERE task_id_ = NEW.id_;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS tasks_inbox_search_name ON act_ru_task;
CREATE TRIGGER tasks_inbox_search_name
    AFTER UPDATE OF name_ ON act_ru_task
    FOR EACH ROW WHEN (OLD.name_ IS DISTINCT FROM NEW.name_) EXECUTE FUNCTION tasks_inbox_search_name();

-- The links there already, after the triggers so that none written meanwhile is missed.
INSERT INTO tasks_inbox_search (task_id_, group_id_, name_)
SELECT i.task_id_, i.group_id_, t.name_
FROM act_ru_identitylink i JOIN act_ru_task t ON t.id_ = i.task_id_
WHERE i.type_ = 'candidate' AND i.group_id_ IS NOT NULL
ON CONFLICT DO NOTHING;
