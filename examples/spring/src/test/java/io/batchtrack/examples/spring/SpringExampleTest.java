package io.batchtrack.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.NflCalendar;
import io.batchtrack.Period;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The example application, started as its main method starts it, on a test database. */
@ExtendWith(PostgresExtension.class)
class SpringExampleTest {

    @Test
    void itsSpringBatchJobAndItsScheduledMethodAreEachOneRun(PostgresDatabase db) throws Exception {
        try (ConfigurableApplicationContext application = SpringExample.start("--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--batchtrack.spool.dir=none")) {
            JdbcTemplate sql = application.getBean(JdbcTemplate.class);
            SpringExample.awaitScheduledRun(sql, Duration.ofSeconds(60));

            Map<String, Object> weekly = sql.queryForMap("SELECT batch_mode, season_year, week, season_type, status,"
                    + " games_processed, odds_synced, (custom_metrics->>'read_count')::int AS read,"
                    + " (custom_metrics->>'skip_count')::int AS skipped, warnings->0->>'stage' AS stage,"
                    + " warnings->0->>'message' AS message FROM batch_runs WHERE batch_type = 'weekly_update'");
            assertThat(weekly).containsEntry("batch_mode", "full").containsEntry("season_year", 2024)
                    .containsEntry("week", 1).containsEntry("season_type", "reg").containsEntry("status", "partial")
                    .containsEntry("games_processed", 15L).containsEntry("odds_synced", 14L)
                    .containsEntry("read", 16).containsEntry("skipped", 1).containsEntry("stage", "loadGames");
            assertThat((String) weekly.get("message")).startsWith("skipped 1 items");

            Period current = NflCalendar.current();
            assertThat(sql.queryForMap("SELECT status, predictions_generated, season_year, week FROM batch_runs"
                    + " WHERE batch_type = 'prediction_generation' ORDER BY started_at LIMIT 1"))
                    .containsEntry("status", "success").containsEntry("predictions_generated", 16L)
                    .containsEntry("season_year", current.seasonYear()).containsEntry("week", current.week());
            assertThat(sql.queryForList("SELECT status FROM batch_job_execution", String.class))
                    .containsExactly("COMPLETED");
        }
    }
}
