-- batchtrack schema version 8: the trace a run belongs to. A run listener that traces runs (the
-- tracker-opentelemetry module) names the run's trace before its start row is written; the row keeps
-- its W3C trace id, so that the status page can link a run to its trace (status.trace-url). NULL for
-- runs without tracing and for rows from before this version. A metadata-only addition; the check
-- holds trivially on existing rows (all NULL).

ALTER TABLE "${flyway:defaultSchema}".batch_runs
    ADD COLUMN trace_id text NULL,
    ADD CONSTRAINT batch_runs_trace_id_check
        CHECK (trace_id ~ '^[0-9a-f]{32}$' AND trace_id <> '00000000000000000000000000000000');

COMMENT ON COLUMN "${flyway:defaultSchema}".batch_runs.trace_id IS
    'the W3C trace id (32 lowercase hex digits) of the trace the run belongs to, as a run listener named it at the run''s start; NULL when runs are not traced, or before schema version 8';
