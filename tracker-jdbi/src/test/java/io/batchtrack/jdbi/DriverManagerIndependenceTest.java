package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.RunStatus;
import io.batchtrack.Tracker;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A store built from configuration connects through its own driver, never through DriverManager,
 * which in the agent would hand out the application's driver (or give the application ours).
 */
@ExtendWith(PostgresExtension.class)
class DriverManagerIndependenceTest {

    @Test
    void aStoreFromConfigurationRecordsRunsWhileDriverManagerKnowsNoPostgresDriver(PostgresDatabase db)
            throws SQLException {
        Map<String, String> env = new java.util.HashMap<>(Map.of("BATCHTRACK_JDBC_URL", db.jdbcUrl(),
                "BATCHTRACK_JDBC_USER", db.user()));
        if (!db.password().isEmpty()) {
            env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        }
        List<Driver> removed = deregisterPostgresDrivers(db.jdbcUrl());
        try (PostgresRunStore store = PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(), env))) {
            BatchTracking.builder().store(store).build()
                    .run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 3));

            assertThat(store.queries().latest()).hasValueSatisfying(run -> {
                assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
                assertThat(run.gamesProcessed()).isEqualTo(3L);
            });
        } finally {
            for (Driver d : removed) {
                DriverManager.registerDriver(d); // the extension drops the database through DriverManager
            }
        }
        assertThat(removed).isNotEmpty();
    }

    private static List<Driver> deregisterPostgresDrivers(String url) throws SQLException {
        List<Driver> removed = new ArrayList<>();
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            if (d.acceptsURL(url)) {
                DriverManager.deregisterDriver(d);
                removed.add(d);
            }
        }
        assertThat(Collections.list(DriverManager.getDrivers())).noneMatch(d -> {
            try {
                return d.acceptsURL(url);
            } catch (SQLException e) {
                return false;
            }
        });
        return removed;
    }
}
