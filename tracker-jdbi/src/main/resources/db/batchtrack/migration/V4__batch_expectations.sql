-- batchtrack schema version 4: expected schedules. One row per batch type (and optionally mode) that
-- is expected to run on a cron schedule; tracker-schedule turns each row into slots (missed, late,
-- failed, ...) by reading batch_runs. Declared by `batchtrack expect`, by the annotation, or by plain SQL:
--   INSERT INTO batch_expectations (batch_type, cron, grace) VALUES ('roster_refresh', '0 5 * * *', '1 hour');

CREATE TABLE "${flyway:defaultSchema}".batch_expectations (
    batch_type   text        NOT NULL,
    -- '' (not NULL) for "any mode", so the primary key holds one mode-less row per type
    batch_mode   text        NOT NULL DEFAULT '',
    cron         text        NOT NULL,
    zone         text        NOT NULL DEFAULT 'America/New_York',
    grace        interval    NOT NULL DEFAULT interval '1 hour',
    max_duration interval    NULL,
    source       text        NOT NULL DEFAULT 'operator',
    declared_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT batch_expectations_pkey PRIMARY KEY (batch_type, batch_mode),
    CONSTRAINT batch_expectations_batch_type_check CHECK (batch_type ~ '^[a-z][a-z0-9_]{0,62}$'),
    CONSTRAINT batch_expectations_batch_mode_check CHECK (batch_mode = '' OR batch_mode ~ '^[a-z][a-z0-9_]{0,62}$'),
    CONSTRAINT batch_expectations_cron_check CHECK (length(cron) BETWEEN 9 AND 200),
    CONSTRAINT batch_expectations_zone_check CHECK (length(zone) BETWEEN 1 AND 64),
    CONSTRAINT batch_expectations_grace_check CHECK (grace >= interval '0'),
    CONSTRAINT batch_expectations_max_duration_check CHECK (max_duration > interval '0'),
    CONSTRAINT batch_expectations_source_check CHECK (source IN ('operator', 'annotation'))
);

COMMENT ON TABLE "${flyway:defaultSchema}".batch_expectations IS
    'batchtrack: when each batch type (and mode) is expected to run; each cron occurrence after declared_at is a slot due at occurrence + grace';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_expectations.batch_mode IS
    'the mode whose runs count, or '''' for runs of any mode';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_expectations.cron IS
    'five-field Unix cron expression (minute hour day-of-month month day-of-week), read in zone';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_expectations.zone IS
    'IANA time zone of the cron expression; default the NFL''s';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_expectations.max_duration IS
    'a running run is overdue past it; NULL: past 1.5 x the 95th percentile of the last 20 successful durations';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_expectations.source IS
    'operator (the command line or SQL) or annotation (@TrackedBatch, which never overwrites an operator''s row)';
