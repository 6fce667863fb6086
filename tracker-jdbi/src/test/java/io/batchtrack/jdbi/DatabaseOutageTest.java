package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Tracker;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import io.batchtrack.testsupport.PostgresServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The batch goes on while PostgreSQL is down, and the pool finds it again when it is back. */
@ExtendWith(PostgresExtension.class)
class DatabaseOutageTest {

    @Test
    void runsDuringAnOutageAreLostButTheBatchGoesOnAndLaterRunsAreRecorded(PostgresDatabase db, PostgresServer server) {
        assumeTrue(server.canRestart(), "only the embedded server can be stopped by a test");
        TrackerConfig config = TrackerConfig.of(Map.of(), Map.of("BATCHTRACK_JDBC_URL", db.jdbcUrl(),
                "BATCHTRACK_JDBC_USER", db.user(), "BATCHTRACK_JDBC_PASSWORD", db.password(),
                "BATCHTRACK_JDBC_CONNECTION_TIMEOUT_MS", "500"));
        try (PostgresRunStore store = PostgresRunStore.fromConfig(config)) {
            BatchTracking tracking = BatchTracking.builder().store(store).build();
            tracking.run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 1));

            int result;
            server.stop();
            try {
                result = tracking.call(WEEKLY_FULL, () -> 42);
            } finally {
                server.start();
            }
            tracking.run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 3));

            assertThat(result).isEqualTo(42);
            assertThat(Fixture.of(db).rows("SELECT games_processed FROM batch_runs ORDER BY started_at"))
                    .extracting(r -> r.get("games_processed")).containsExactly(1L, 3L);
        }
    }

    @Test
    void aClosedStoreRefusesToRecordInsteadOfOpeningANewPool(PostgresDatabase db) {
        PostgresRunStore store = PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(), Map.of(
                "BATCHTRACK_JDBC_URL", db.jdbcUrl(), "BATCHTRACK_JDBC_USER", db.user())));
        store.ensureReady();

        store.close();

        assertThatThrownBy(store::ensureReady).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
