-- batchtrack schema version 5: the records each batch JVM lost, counted by kind, so that no loss is
-- silent. A JVM upserts its running totals (host, pid, the JVM's start, kind) whenever the store
-- answers; the status page and `batchtrack status` read them. Small by nature: one row per kind of
-- loss per JVM that lost something.

CREATE TABLE "${flyway:defaultSchema}".batch_losses (
    host               text        NOT NULL,
    pid                bigint      NOT NULL,
    process_started_at timestamptz NOT NULL,
    kind               text        NOT NULL,
    lost               bigint      NOT NULL CHECK (lost > 0),
    first_reported_at  timestamptz NOT NULL DEFAULT now(),
    reported_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (host, pid, process_started_at, kind)
);

CREATE INDEX batch_losses_reported_at_idx ON "${flyway:defaultSchema}".batch_losses (reported_at DESC);

COMMENT ON TABLE "${flyway:defaultSchema}".batch_losses IS
    'records a batch JVM could not record nor spool (store-start, store-finish, no-spool, spool-full, spool-io, spool-dropped, late-update), its totals by kind, by the database clock';
