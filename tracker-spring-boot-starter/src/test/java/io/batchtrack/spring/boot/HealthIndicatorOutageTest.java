package io.batchtrack.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.RunSpec;
import io.batchtrack.jdbi.PostgresRunStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * A database that does not answer: the health indicator is DOWN and says why, and a run that could
 * be neither recorded nor spooled is counted among the records lost.
 */
class HealthIndicatorOutageTest {

    @Test
    @SuppressWarnings("unchecked")
    void a_store_that_does_not_answer_is_down_and_its_lost_run_is_counted() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/nowhere"); // nothing listens on port 1
        nowhere.setConnectTimeout(2);
        try (BatchTracking tracking = BatchTracking.builder().spoolDirectory(null)
                .store(PostgresRunStore.builder(nowhere).destination("nowhere").build()).build()) {
            tracking.run(RunSpec.of("weekly_update"), () -> { });

            Health health = new BatchtrackHealthIndicator(tracking).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("store_reachable", false).containsKey("error")
                    .containsEntry("spool_pending", false);
            assertThat((Long) health.getDetails().get("runs_lost")).isPositive();
            assertThat((Map<String, Long>) health.getDetails().get("runs_lost_by_kind")).containsKey("no-spool");
        }
    }
}
