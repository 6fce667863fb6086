package io.batchtrack.cli;

import io.batchtrack.BatchModes;
import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.BatchTypes;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.Trigger;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.testsupport.PostgresDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A database with runs recorded by the engine, as a batch records them, and the command line run
 * against it: a weekly update that succeeded, one that warned, one that failed, predictions, and
 * a run of last season; oldest first, one second apart from 2025-12-24 10:00:00 UTC.
 */
final class RecordedRuns {
    static final Period WEEK_17 = Period.regular(2025, 17);
    static final String FAILURE = "Box score feed returned HTTP 503\nfor game 2025_17_KC_PIT";

    final PostgresDatabase db;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private RecordedRuns(PostgresDatabase db) {
        this.db = db;
    }

    static RecordedRuns record(PostgresDatabase db) {
        PostgresRunStore store = PostgresRunStore.builder(db.dataSource()).build();
        BatchTracking tracking = BatchTracking.builder().store(store).trigger(Trigger.MANUAL).spoolDirectory(null)
                .clock(new SteppingClock(Instant.parse("2025-12-24T10:00:00Z"))).build();
        RunSpec weekly = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, WEEK_17, null);
        tracking.run(weekly.withPeriod(Period.regular(2024, 17)), () -> Tracker.current()
                .increment(Metrics.GAMES_PROCESSED, 16));
        tracking.run(weekly, () -> {
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
            Tracker.current().increment(Metrics.GAME_LOGS_ADDED, 712);
            Tracker.current().increment(Metrics.API_CALLS_MADE, 33);
        });
        tracking.run(RunSpec.of(BatchTypes.PREDICTION_GENERATION, WEEK_17), () -> {
            Tracker.current().increment(Metrics.PREDICTIONS_GENERATED, 180);
            Tracker.current().increment("models_loaded", 3);
        });
        tracking.run(weekly.withMode(BatchModes.ODDS_ONLY), () -> {
            Tracker.current().increment(Metrics.ODDS_SYNCED, 14);
            Tracker.current().warn("odds", "No odds for 2 games");
        });
        try {
            tracking.run(weekly.withMode(BatchModes.INGEST_ONLY), () -> {
                Tracker.current().increment(Metrics.ERRORS_ENCOUNTERED, 1);
                throw new IllegalStateException(FAILURE);
            });
        } catch (IllegalStateException expected) {
            // the batch's own exception
        }
        BatchTracker running = tracking.start(RunSpec.of(BatchTypes.ROSTER_REFRESH, WEEK_17));
        running.detach(); // still at work
        return new RecordedRuns(db);
    }

    /** The command line against a database where nothing is recorded, nor migrated. */
    static RecordedRuns nothing(PostgresDatabase db) {
        return new RecordedRuns(db);
    }

    int run(String... args) {
        out.reset();
        err.reset();
        return BatchtrackCli.run(args, TrackerConfig.of(Map.of(), env(db)), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** {@link #run}, with {@code check} evaluating at {@code clock}. */
    int runAt(java.time.Clock clock, String... args) {
        out.reset();
        err.reset();
        return BatchtrackCli.run(args, TrackerConfig.of(Map.of(), env(db)), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), clock);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static Map<String, String> env(PostgresDatabase db) {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        if (db.password() != null && !db.password().isEmpty()) {
            env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        }
        return env;
    }

    /** Moves one second forward each time it is read: runs get distinct, ordered times. */
    static final class SteppingClock extends Clock {
        private final AtomicLong millis;

        SteppingClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndAdd(1_000));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
