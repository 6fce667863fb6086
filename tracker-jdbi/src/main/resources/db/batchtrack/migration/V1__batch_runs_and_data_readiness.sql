-- batchtrack schema version 1: the audit log of batch runs, and what data is ready per NFL week.
-- Column names follow the seed guide, so its queries work unchanged in SQL.
-- ${flyway:defaultSchema} is the configured schema (default public), validated by batchtrack.

CREATE TABLE "${flyway:defaultSchema}".batch_runs (
    id                    uuid        NOT NULL,
    parent_run_id         uuid        NULL,
    batch_type            text        NOT NULL,
    batch_mode            text        NULL,
    season_year           integer     NOT NULL,
    week                  integer     NOT NULL,
    season_type           text        NOT NULL,
    triggered_by          text        NOT NULL,
    status                text        NOT NULL,
    started_at            timestamptz NOT NULL,
    completed_at          timestamptz NULL,
    duration_ms           bigint      NULL,
    heartbeat_at          timestamptz NULL,
    api_calls_made        bigint      NOT NULL DEFAULT 0,
    games_processed       bigint      NOT NULL DEFAULT 0,
    game_logs_added       bigint      NOT NULL DEFAULT 0,
    predictions_generated bigint      NOT NULL DEFAULT 0,
    predictions_skipped   bigint      NOT NULL DEFAULT 0,
    odds_synced           bigint      NOT NULL DEFAULT 0,
    errors_encountered    bigint      NOT NULL DEFAULT 0,
    custom_metrics        jsonb       NOT NULL DEFAULT '{}',
    warnings              jsonb       NOT NULL DEFAULT '[]',
    warnings_dropped      bigint      NOT NULL DEFAULT 0,
    error_type            text        NULL,
    error_message         text        NULL,
    error_stack           text        NULL,
    host                  text        NULL,
    CONSTRAINT batch_runs_pkey PRIMARY KEY (id),
    CONSTRAINT batch_runs_status_check CHECK (status IN ('running', 'success', 'partial', 'failed')),
    CONSTRAINT batch_runs_season_type_check CHECK (season_type IN ('pre', 'reg', 'post')),
    CONSTRAINT batch_runs_week_check CHECK (
           (season_type = 'pre'  AND week BETWEEN 0 AND 4)
        OR (season_type = 'reg'  AND week BETWEEN 1 AND 18)
        OR (season_type = 'post' AND week BETWEEN 1 AND 4)),
    CONSTRAINT batch_runs_season_year_check CHECK (season_year BETWEEN 1920 AND 2100),
    CONSTRAINT batch_runs_counters_check CHECK (
            api_calls_made >= 0 AND games_processed >= 0 AND game_logs_added >= 0
        AND predictions_generated >= 0 AND predictions_skipped >= 0 AND odds_synced >= 0
        AND errors_encountered >= 0 AND warnings_dropped >= 0),
    CONSTRAINT batch_runs_custom_metrics_check CHECK (jsonb_typeof(custom_metrics) = 'object'),
    CONSTRAINT batch_runs_warnings_check CHECK (jsonb_typeof(warnings) = 'array')
);

-- latest run overall; history without filters
CREATE INDEX batch_runs_started_at_idx ON "${flyway:defaultSchema}".batch_runs (started_at DESC);
-- latest run of a batch type; a type's history; the status page's window of recent runs per type
CREATE INDEX batch_runs_type_started_at_idx ON "${flyway:defaultSchema}".batch_runs (batch_type, started_at DESC);
-- a week's history, newest first (also the seed's query on season_year and week alone)
CREATE INDEX batch_runs_week_started_at_idx ON "${flyway:defaultSchema}".batch_runs (season_year, week, started_at DESC);
-- history by status ("every failed run")
CREATE INDEX batch_runs_status_started_at_idx ON "${flyway:defaultSchema}".batch_runs (status, started_at DESC);
-- last success / last failure of a batch type
CREATE INDEX batch_runs_type_status_started_at_idx ON "${flyway:defaultSchema}".batch_runs (batch_type, status, started_at DESC);
-- runs still open: few rows, so finding stale ones (old heartbeat_at) stays cheap
CREATE INDEX batch_runs_running_idx ON "${flyway:defaultSchema}".batch_runs (heartbeat_at) WHERE status = 'running';

COMMENT ON TABLE "${flyway:defaultSchema}".batch_runs IS
    'batchtrack: one row per batch execution, written when it starts (status running) and when it ends';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.parent_run_id IS
    'the run that was in progress on the same thread when this one started, if any';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.heartbeat_at IS
    'last sign of life: the start, then the end; a running run with an old heartbeat was abandoned';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.custom_metrics IS
    'counters other than the seven standard ones, as {"name": count}';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.warnings IS
    'warnings kept, as [{"stage": ..., "message": ..., "at": ISO-8601}]; further ones are counted in warnings_dropped';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.host IS 'pid@hostname of the process that ran the batch';

CREATE TABLE "${flyway:defaultSchema}".data_readiness (
    season_year           integer     NOT NULL,
    week                  integer     NOT NULL,
    season_type           text        NOT NULL,
    schedule_complete     boolean     NOT NULL,
    predictions_available boolean     NOT NULL,
    games_count           integer     NOT NULL,
    predictions_count     integer     NOT NULL,
    updated_at            timestamptz NOT NULL,
    last_run_id           uuid        NULL,
    CONSTRAINT data_readiness_pkey PRIMARY KEY (season_year, week, season_type),
    CONSTRAINT data_readiness_season_type_check CHECK (season_type IN ('pre', 'reg', 'post')),
    CONSTRAINT data_readiness_week_check CHECK (
           (season_type = 'pre'  AND week BETWEEN 0 AND 4)
        OR (season_type = 'reg'  AND week BETWEEN 1 AND 18)
        OR (season_type = 'post' AND week BETWEEN 1 AND 4)),
    CONSTRAINT data_readiness_season_year_check CHECK (season_year BETWEEN 1920 AND 2100),
    CONSTRAINT data_readiness_counts_check CHECK (games_count >= 0 AND predictions_count >= 0)
);

COMMENT ON TABLE "${flyway:defaultSchema}".data_readiness IS
    'batchtrack: what data is ready per NFL week, refreshed after each success or partial run of that week';
COMMENT ON COLUMN "${flyway:defaultSchema}".data_readiness.last_run_id IS
    'the run whose end refreshed this row (no foreign key: old runs may be purged)';
