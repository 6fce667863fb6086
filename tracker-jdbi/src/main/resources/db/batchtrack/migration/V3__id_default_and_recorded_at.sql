-- batchtrack schema version 3: other writers and the database's own clock.
--
-- batch_runs.id gets a database default, so a psql session or another pipeline can insert a row
-- without inventing a UUID (batchtrack itself still sends its own time-ordered UUID v7).
-- gen_random_uuid() is built into PostgreSQL 13 and later.
--
-- recorded_at is when the database received the row's latest start or end, by the database's
-- clock: retention (purge) decides age by it, so a batch host whose clock is far behind cannot get
-- fresh runs deleted. Existing rows are given the best time known for them, their end (or start).

ALTER TABLE "${flyway:defaultSchema}".batch_runs
    ALTER COLUMN id SET DEFAULT gen_random_uuid(),
    ADD COLUMN recorded_at timestamptz NULL;

UPDATE "${flyway:defaultSchema}".batch_runs SET recorded_at = coalesce(completed_at, started_at);

ALTER TABLE "${flyway:defaultSchema}".batch_runs
    ALTER COLUMN recorded_at SET DEFAULT now(),
    ALTER COLUMN recorded_at SET NOT NULL;

-- purge: the oldest finished rows by the database's clock
CREATE INDEX batch_runs_recorded_at_idx ON "${flyway:defaultSchema}".batch_runs (recorded_at)
    WHERE status <> 'running';

COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.id IS
    'batchtrack sends a UUID v7 (time-ordered); other writers may leave it to the default gen_random_uuid()';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.recorded_at IS
    'when the database received the row''s latest start or end, by the database clock; purge decides age by it';
