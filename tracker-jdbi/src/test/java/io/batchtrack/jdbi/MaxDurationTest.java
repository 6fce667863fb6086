package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.RunSpec;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** max-duration on PostgreSQL: a hung exclusive run is ended timed_out and its week is free for the next run. */
@ExtendWith(PostgresExtension.class)
class MaxDurationTest {
    private static final RunSpec EXCLUSIVE = WEEKLY_FULL.withExclusive(true);

    @Test
    void aHungExclusiveRunIsEndedTimedOutAndTheNextRunOfItsWeekStarts(PostgresDatabase db) throws Exception {
        Fixture f = Fixture.of(db);
        BatchTracking tracking = BatchTracking.builder().store(f.store).spoolDirectory(null)
                .heartbeatInterval(Duration.ofMillis(100)).maxDuration(Duration.ofMillis(500)).build();
        try {
            UUID hungId;
            try (BatchTracker hung = tracking.start(EXCLUSIVE)) {
                hungId = hung.id();
                hung.increment("games_processed", 7);
                Poll.until(Duration.ofSeconds(15), () -> f.count("SELECT count(*) FROM batch_runs WHERE id = ?"
                        + " AND status <> 'running'", hungId), n -> n == 1, "the hung run's row ended");
                assertThat(f.row("SELECT status, error_type FROM batch_runs WHERE id = ?", hungId))
                        .isEqualTo(Map.of("status", "failed", "error_type", "timed_out"));

                // the hung body is still here; the week is free: another process's run starts and succeeds
                Fixture.onAnotherThread(() -> tracking.run(EXCLUSIVE, () -> { }));
                hung.increment("games_processed", 3); // counted after the timeout: dropped as late
                hung.complete();
            }

            assertThat(f.rows("SELECT status, coalesce(error_type, '') AS error_type FROM batch_runs"
                    + " ORDER BY started_at")).containsExactly(
                            Map.of("status", "failed", "error_type", "timed_out"),
                            Map.of("status", "success", "error_type", ""));
            assertThat(f.store.queries().run(hungId).orElseThrow().errorMessage())
                    .contains("PT0.5S").contains("max-duration");
            System.out.println("FIGURES max-duration runs=2 timed_out=1 next_run_of_its_week=success left_running=0");
        } finally {
            tracking.close();
        }
    }
}
