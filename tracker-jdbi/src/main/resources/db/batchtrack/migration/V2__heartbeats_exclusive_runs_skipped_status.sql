-- batchtrack schema version 2: heartbeats with a per-run stale limit, exclusive runs, the skipped
-- status and a count of dropped custom metrics. Every change is cheap on a large table: new columns
-- with constant defaults are metadata only, and the unique index covers running rows only.

ALTER TABLE "${flyway:defaultSchema}".batch_runs
    ADD COLUMN exclusive              boolean NOT NULL DEFAULT false,
    ADD COLUMN stale_limit_ms         bigint  NULL,
    ADD COLUMN custom_metrics_dropped bigint  NOT NULL DEFAULT 0,
    ADD CONSTRAINT batch_runs_stale_limit_check CHECK (stale_limit_ms > 0),
    ADD CONSTRAINT batch_runs_custom_metrics_dropped_check CHECK (custom_metrics_dropped >= 0);

-- a losing attempt of an exclusive run is recorded as skipped (error_type conflict)
ALTER TABLE "${flyway:defaultSchema}".batch_runs
    DROP CONSTRAINT batch_runs_status_check,
    ADD CONSTRAINT batch_runs_status_check CHECK (status IN ('running', 'success', 'partial', 'failed', 'skipped'));

-- at most one running exclusive run per batch type and period, across every process: the database
-- decides, in the INSERT that opens the run, so two copies can never both pass a check
CREATE UNIQUE INDEX batch_runs_exclusive_running_idx ON "${flyway:defaultSchema}".batch_runs
    (batch_type, season_year, week, season_type) WHERE status = 'running' AND exclusive;

COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.heartbeat_at IS
    'last sign of life, by the database clock: the start, each heartbeat (every heartbeat-interval), the end';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.stale_limit_ms IS
    'how long this run may go without a heartbeat before a sweep marks it failed / abandoned; NULL: the sweeper''s own limit';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.exclusive IS
    'at most one running exclusive run per (batch_type, season_year, week, season_type); losers are recorded as skipped';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.custom_metrics_dropped IS
    'increments of custom metrics dropped because the run already had max-custom-metrics distinct names';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.error_type IS
    'exception class of a failed run; abandoned: its process stopped sending heartbeats; conflict: a skipped exclusive run';
