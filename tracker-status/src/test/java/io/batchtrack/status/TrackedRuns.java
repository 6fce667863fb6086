package io.batchtrack.status;

import io.batchtrack.BatchModes;
import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.BatchTypes;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.Trigger;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.testsupport.PostgresDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A database filled by real tracked runs of the seed's three batch types, as the engine records
 * them: successes, a partial run with a hostile warning, a failed run, one still running.
 */
final class TrackedRuns {
    /** The server's "now": Wednesday of the 2025 regular season's week 17. */
    static final Instant NOW = Instant.parse("2025-12-24T12:00:00Z");
    static final Clock SERVER_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Period WEEK_17 = Period.regular(2025, 17);
    static final String WARNING = "No odds for 2 games <script>document.title='pwned'</script>"
            + " & <img src=x onerror=\"document.body.dataset.pwned=1\">";
    static final String FAILURE = "Box score feed returned HTTP 503 for game 2025_17_KC_PIT";

    /** Run names, oldest first; each maps to its id. */
    static final String LAST_SEASON = "last_season", FULL = "full", PREDICTIONS = "predictions",
            ODDS_PARTIAL = "odds_partial", INGEST_FAILED = "ingest_failed", ROSTER = "roster", RUNNING = "running";

    final PostgresRunStore store;
    final BatchRunQueries queries;
    final Map<String, UUID> ids = new LinkedHashMap<>();

    private TrackedRuns(PostgresRunStore store) {
        this.store = store;
        this.queries = store.queries();
    }

    static TrackedRuns record(PostgresDatabase db) {
        PostgresRunStore store = PostgresRunStore.builder(db.dataSource()).build();
        TrackedRuns runs = new TrackedRuns(store);
        BatchTracking tracking = BatchTracking.builder().store(store).trigger(Trigger.GITHUB_ACTIONS)
                .clock(new SteppingClock(NOW.minus(Duration.ofHours(2)))).build();
        RunSpec weekly = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, WEEK_17, null);

        runs.track(tracking, LAST_SEASON, weekly.withPeriod(Period.regular(2024, 17)), () -> {
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
        });
        runs.track(tracking, FULL, weekly, () -> {
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
            Tracker.current().increment(Metrics.API_CALLS_MADE, 32);
            Tracker.current().increment(Metrics.GAME_LOGS_ADDED, 712);
            Tracker.current().increment(Metrics.ODDS_SYNCED, 16);
        });
        runs.track(tracking, PREDICTIONS, RunSpec.of(BatchTypes.PREDICTION_GENERATION, WEEK_17), () -> {
            Tracker.current().increment(Metrics.PREDICTIONS_GENERATED, 180);
            Tracker.current().increment(Metrics.PREDICTIONS_SKIPPED, 20);
            Tracker.current().increment("models_loaded", 3);
        });
        runs.track(tracking, ODDS_PARTIAL, weekly.withMode(BatchModes.ODDS_ONLY), () -> {
            Tracker.current().increment(Metrics.ODDS_SYNCED, 14);
            Tracker.current().warn("odds", WARNING);
        });
        try {
            runs.track(tracking, INGEST_FAILED, weekly.withMode(BatchModes.INGEST_ONLY), () -> {
                Tracker.current().increment(Metrics.GAMES_PROCESSED, 3);
                Tracker.current().increment(Metrics.ERRORS_ENCOUNTERED, 1);
                throw new IllegalStateException(FAILURE);
            });
        } catch (IllegalStateException expected) {
            // the batch's own exception, rethrown by the engine
        }
        runs.track(tracking, ROSTER, RunSpec.of(BatchTypes.ROSTER_REFRESH, Period.regular(2025, 16)), () -> {
            Tracker.current().increment("players_onboarded", 12);
        });
        BatchTracker running = tracking.start(RunSpec.of(BatchTypes.PREDICTION_GENERATION, WEEK_17));
        running.detach(); // left open, as a batch still at work
        runs.ids.put(RUNNING, running.id());
        return runs;
    }

    private void track(BatchTracking tracking, String name, RunSpec spec, Runnable body) {
        tracking.run(spec, () -> {
            ids.put(name, Tracker.current().runId().orElseThrow());
            body.run();
        });
    }

    UUID id(String name) {
        return ids.get(name);
    }

    /** A clock that moves one second forward each time it is read: runs get distinct, ordered times. */
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
