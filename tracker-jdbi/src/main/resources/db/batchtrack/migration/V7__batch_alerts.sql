-- batchtrack schema version 7: alerts (tracker-alerts). One row per event and subject, so that any
-- number of watchers and status servers detecting the same failed run or missed slot record it once
-- (INSERT ... ON CONFLICT DO NOTHING). A sender claims a row in a short transaction (FOR UPDATE SKIP
-- LOCKED) with a lease: a sender killed mid-delivery leaves the row to another once the lease ends.
-- Each delivery attempt is a row of batch_alert_attempts. batch_alert_state holds 'since', the moment
-- alerts were first enabled on this database: history older than it never alerts.

CREATE TABLE "${flyway:defaultSchema}".batch_alerts (
    id              uuid        NOT NULL PRIMARY KEY,
    event           text        NOT NULL,
    -- what the event is about: run:<id>, slot:<type>/<mode or *>@<occurrence>, digest:<id>
    subject         text        NOT NULL,
    batch_type      text        NULL,
    batch_mode      text        NULL,
    season_year     integer     NULL,
    week            integer     NULL,
    season_type     text        NULL,
    run_id          uuid        NULL,
    slot_due_at     timestamptz NULL,
    message         text        NOT NULL,
    detected_at     timestamptz NOT NULL DEFAULT now(),
    state           text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_by      text        NULL,
    claimed_until   timestamptz NULL,
    delivered_at    timestamptz NULL,
    -- the digest alert that carried this one, when the per-minute limit folded it into a digest
    digest_id       uuid        NULL,
    CONSTRAINT batch_alerts_event_subject_key UNIQUE (event, subject),
    CONSTRAINT batch_alerts_state_check CHECK (state IN ('pending', 'delivered', 'undeliverable', 'digested')),
    CONSTRAINT batch_alerts_attempts_check CHECK (attempts >= 0)
);

-- the sender's claim: the pending rows, oldest first
CREATE INDEX batch_alerts_pending_idx ON "${flyway:defaultSchema}".batch_alerts (next_attempt_at)
    WHERE state = 'pending';
CREATE INDEX batch_alerts_detected_at_idx ON "${flyway:defaultSchema}".batch_alerts (detected_at DESC);

CREATE TABLE "${flyway:defaultSchema}".batch_alert_attempts (
    alert_id     uuid        NOT NULL REFERENCES "${flyway:defaultSchema}".batch_alerts (id) ON DELETE CASCADE,
    attempt      integer     NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now(),
    sender       text        NOT NULL,
    http_status  integer     NULL,
    error        text        NULL,
    PRIMARY KEY (alert_id, attempt)
);

-- the per-minute limit counts the attempts of the last minute
CREATE INDEX batch_alert_attempts_attempted_at_idx ON "${flyway:defaultSchema}".batch_alert_attempts (attempted_at);

CREATE TABLE "${flyway:defaultSchema}".batch_alert_state (
    name text        NOT NULL PRIMARY KEY,
    at   timestamptz NOT NULL
);

COMMENT ON TABLE "${flyway:defaultSchema}".batch_alerts IS
    'batchtrack: one alert per event and subject (run.failed of a run, slot.missed of a slot, ...), its delivery state';
COMMENT ON COLUMN "${flyway:defaultSchema}".batch_alerts.state IS
    'pending (to send or retry), delivered, undeliverable (alerts.max-attempts failed), digested (sent inside the digest digest_id)';
COMMENT ON TABLE "${flyway:defaultSchema}".batch_alert_attempts IS
    'batchtrack: every delivery attempt of an alert: when, by which sender, the HTTP status or the error';
COMMENT ON TABLE "${flyway:defaultSchema}".batch_alert_state IS
    'batchtrack: since = when alerts were first enabled on this database; older history never alerts';
