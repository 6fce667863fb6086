package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Tracker;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Increments are counted in memory: a run's SQL does not depend on how much it counted. */
@ExtendWith(PostgresExtension.class)
class StatementCountTest {

    @Test
    void tenMillionIncrementsIssueTheSameStatementsAsOne(PostgresDatabase db) {
        RecordingDataSource recording = new RecordingDataSource(db.dataSource());
        PostgresRunStore store = PostgresRunStore.builder(recording).build();
        store.ensureReady();
        BatchTracking tracking = BatchTracking.builder().store(store).build();

        recording.clear();
        tracking.run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED));
        List<String> oneIncrement = recording.statements();

        recording.clear();
        tracking.run(WEEKLY_FULL, () -> {
            Tracker tracker = Tracker.current();
            for (int i = 0; i < 10_000_000; i++) {
                tracker.increment(Metrics.GAMES_PROCESSED);
            }
        });
        List<String> tenMillionIncrements = recording.statements();

        assertThat(tenMillionIncrements).isEqualTo(oneIncrement);
        assertThat(oneIncrement).hasSize(3); // open, close, readiness
        assertThat(oneIncrement.get(0)).startsWith("INSERT INTO \"public\".batch_runs").endsWith("DO NOTHING");
        assertThat(oneIncrement.get(1)).startsWith("INSERT INTO \"public\".batch_runs").contains("ON CONFLICT (id) DO UPDATE");
        assertThat(oneIncrement.get(2)).startsWith("INSERT INTO \"public\".data_readiness");
        assertThat(Fixture.of(db).row("SELECT games_processed FROM batch_runs ORDER BY started_at DESC LIMIT 1"))
                .containsEntry("games_processed", 10_000_000L);
    }

    @Test
    void aFailedRunIsTwoStatementsAndWarningsAddNone(PostgresDatabase db) {
        RecordingDataSource recording = new RecordingDataSource(db.dataSource());
        PostgresRunStore store = PostgresRunStore.builder(recording).build();
        store.ensureReady();
        BatchTracking tracking = BatchTracking.builder().store(store).build();

        recording.clear();
        try {
            tracking.run(WEEKLY_FULL, () -> {
                for (int i = 0; i < 500; i++) {
                    Tracker.current().warn("game_logs", "player " + i + " skipped");
                }
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // recorded as failed
        }

        assertThat(recording.statements()).hasSize(2);
    }

    @Test
    void buildingAStoreOpensNoConnection(PostgresDatabase db) {
        RecordingDataSource recording = new RecordingDataSource(db.dataSource());

        PostgresRunStore store = PostgresRunStore.builder(recording).build();

        assertThat(recording.connectionsOpened()).isZero();
        store.ensureReady();
        assertThat(recording.connectionsOpened()).isPositive();
    }
}
