-- batchtrack schema version 6: readiness deadlines. A deadline says that at each occurrence of a cron
-- expression during a season, the NFL week containing it must have one readiness flag true; to tell
-- "ready in time" from "ready late", data_readiness now keeps when each flag became true.
--
-- The readiness refresh sets schedule_complete_at / predictions_available_at to the refresh's time
-- (the run's end, or the manual refresh's moment) when the flag turns true, keeps the earliest such
-- time while it stays true (a run replayed from the spool after a later one moves it back to its real
-- time), and clears it when the flag turns false. Rows from before this version keep NULL, "true since
-- a time not recorded": a deadline counts such a week as ready in time. Both columns are metadata-only
-- additions; the checks hold trivially on existing rows (all NULL).
--
-- Declared by `batchtrack expect-ready` or plain SQL:
--   INSERT INTO readiness_deadlines (flag, cron) VALUES ('predictions', '0 12 * * 4');

ALTER TABLE "${flyway:defaultSchema}".data_readiness
    ADD COLUMN schedule_complete_at     timestamptz NULL,
    ADD COLUMN predictions_available_at timestamptz NULL,
    ADD CONSTRAINT data_readiness_schedule_complete_at_check
        CHECK (schedule_complete OR schedule_complete_at IS NULL),
    ADD CONSTRAINT data_readiness_predictions_available_at_check
        CHECK (predictions_available OR predictions_available_at IS NULL);

COMMENT ON COLUMN "${flyway:defaultSchema}".data_readiness.schedule_complete_at IS
    'since when schedule_complete has been true (the refresh that first found it true); NULL while false, or true since before schema version 6';
COMMENT ON COLUMN "${flyway:defaultSchema}".data_readiness.predictions_available_at IS
    'since when predictions_available has been true (the refresh that first found it true); NULL while false, or true since before schema version 6';

CREATE TABLE "${flyway:defaultSchema}".readiness_deadlines (
    -- schedule: data_readiness.schedule_complete; predictions: data_readiness.predictions_available
    flag        text        NOT NULL,
    cron        text        NOT NULL,
    zone        text        NOT NULL DEFAULT 'America/New_York',
    declared_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT readiness_deadlines_pkey PRIMARY KEY (flag),
    CONSTRAINT readiness_deadlines_flag_check CHECK (flag IN ('schedule', 'predictions')),
    CONSTRAINT readiness_deadlines_cron_check CHECK (length(cron) BETWEEN 9 AND 200),
    CONSTRAINT readiness_deadlines_zone_check CHECK (length(zone) BETWEEN 1 AND 64)
);

COMMENT ON TABLE "${flyway:defaultSchema}".readiness_deadlines IS
    'batchtrack: by when each NFL week''s data must be ready; each in-season cron occurrence after declared_at is a deadline for the week containing it';
COMMENT ON COLUMN "${flyway:defaultSchema}".readiness_deadlines.cron IS
    'five-field Unix cron expression (minute hour day-of-month month day-of-week), read in zone';
COMMENT ON COLUMN "${flyway:defaultSchema}".readiness_deadlines.zone IS
    'IANA time zone of the cron expression; default the NFL''s';
