package io.batchtrack.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchModes;
import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.BatchTypes;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.Tracker;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's quick start, line for line, with the configuration handed in instead of read from the process. */
@ExtendWith(PostgresExtension.class)
class QuickStartTest {
    private BatchTracking previous;

    @AfterEach
    void restoreGlobal() {
        if (previous != null) {
            BatchTracking.setGlobal(previous);
        }
    }

    @Test
    void theReadmeQuickStartRecordsTheRunAndTheReadiness(PostgresDatabase db) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        if (db.password() != null) {
            env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        }
        TrackerConfig config = TrackerConfig.of(Map.of(), env);

        // --- README: quick start ---
        try (PostgresRunStore store = PostgresRunStore.fromConfig(config)) {
            previous = BatchTracking.setGlobal(BatchTracking.builder().store(store).build());

            Period week = Period.regular(2025, 17);
            RunSpec spec = RunSpec.of(BatchTypes.WEEKLY_UPDATE, week).withMode(BatchModes.FULL);
            int games = BatchTracker.call(spec, () -> {
                Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
                Tracker.current().increment(Metrics.API_CALLS_MADE, 16);
                Tracker.current().warn("game_logs", "Skipped 3 players not in database");
                return 16;
            });

            BatchRun latest = store.queries().latest().orElseThrow();
            DataReadiness readiness = store.queries().readiness(week).orElseThrow();
            // --- end ---

            assertThat(games).isEqualTo(16);
            assertThat(latest.status()).isEqualTo(RunStatus.PARTIAL);
            assertThat(latest.batchMode()).isEqualTo("full");
            assertThat(latest.gamesProcessed()).isEqualTo(16);
            assertThat(latest.warnings()).singleElement()
                    .satisfies(w -> assertThat(w.message()).isEqualTo("Skipped 3 players not in database"));
            assertThat(readiness.scheduleComplete()).isTrue();
            assertThat(readiness.gamesCount()).isEqualTo(16);
        }
    }
}
