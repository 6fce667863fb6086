package io.batchtrack.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.BatchTracking;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Boot application over a real PostgreSQL: the application's own Flyway migration and
 * batchtrack's both applied (two history tables), {@code batchtrack.*} bound, a proxied bean method
 * recorded once with its value and exception unchanged, a self-invocation untracked.
 */
@ExtendWith(PostgresExtension.class)
@SpringBootTest(classes = TestApplication.class, properties = {
        "batchtrack.max-warnings=7", "batchtrack.spool.dir=none", "batchtrack.trigger=cron"})
class StarterTest {
    private static PostgresDatabase db;

    @Autowired WeeklyUpdate weeklyUpdate;
    @Autowired BatchTracking tracking;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    static void database(PostgresDatabase database) {
        db = database;
    }

    @DynamicPropertySource
    static void dataSource(DynamicPropertyRegistry registry) {
        TestDataSource.register(registry, () -> db);
    }

    @Test
    void appliesTheApplicationsMigrationsAndBatchtracksEachWithItsOwnHistory() {
        assertThat(jdbc.queryForObject("SELECT max(version) FROM flyway_schema_history WHERE success", String.class))
                .isEqualTo("1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM games", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT version FROM batchtrack_schema_history WHERE success"
                + " ORDER BY installed_rank DESC LIMIT 1", String.class))
                .isEqualTo(io.batchtrack.jdbi.BatchtrackSchema.latestVersion());
    }

    @Test
    void bindsBatchtrackPropertiesWithTheTablesMeanings() {
        assertThat(tracking.settings().maxWarnings()).isEqualTo(7);
        assertThat(tracking.settings().spoolDirectory()).isNull();
        assertThat(BatchTracking.global().settings().maxWarnings()).isEqualTo(7);
    }

    @Test
    void recordsAProxiedCallOnceWithItsValueAndItsException() {
        jdbc.update("DELETE FROM batch_runs");
        assertThat(weeklyUpdate.update()).isEqualTo("done");
        IllegalStateException boom = new IllegalStateException("feed down");
        assertThatThrownBy(() -> weeklyUpdate.fail(boom)).isSameAs(boom);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT batch_type, batch_mode, status, triggered_by, error_message FROM batch_runs ORDER BY started_at");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("batch_type", "weekly_update").containsEntry("batch_mode", "full")
                .containsEntry("status", "success").containsEntry("triggered_by", "cron");
        assertThat(rows.get(1)).containsEntry("status", "failed").containsEntry("error_message", "feed down");
    }

    @Test
    void leavesASelfInvocationUntracked() {
        jdbc.update("DELETE FROM batch_runs");
        int before = weeklyUpdate.bodies();
        assertThat(weeklyUpdate.viaThis()).isEqualTo("done");
        assertThat(weeklyUpdate.bodies()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_runs", Long.class)).isZero();
    }
}
