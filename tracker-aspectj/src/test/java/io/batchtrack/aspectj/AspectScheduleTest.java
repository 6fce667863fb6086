package io.batchtrack.aspectj;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.TrackedBatch;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Through the AspectJ aspect (this test's method is woven by ajc at compile time, as an application's
 * is): a {@code @TrackedBatch} method's {@code schedule} becomes an expectation row of source
 * {@code annotation} at its first call, with an engine built from configuration over the jdbc store and
 * tracker-schedule on the class path; the call returns its value and its run is recorded.
 */
@ExtendWith(PostgresExtension.class)
class AspectScheduleTest {

    @TrackedBatch(type = "roster_refresh", schedule = "0 5 * * *", grace = "30m")
    static int refreshRosters() {
        return 32;
    }

    @Test
    void a_woven_methods_schedule_is_registered_as_an_annotation_expectation(PostgresDatabase db) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        if (db.password() != null && !db.password().isEmpty()) {
            env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        }
        env.put("BATCHTRACK_SPOOL_DIR", "none");
        BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.of(Map.of(), env));
        BatchTracking previous = BatchTracking.setGlobal(tracking);
        int returned;
        try {
            returned = refreshRosters();
        } finally {
            tracking.close(); // waits for the queued registration
            if (previous != null) {
                BatchTracking.setGlobal(previous);
            }
        }

        assertThat(returned).isEqualTo(32);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT batch_type, batch_mode, cron, zone, grace::text, source"
                    + " FROM public.batch_expectations")) {
                assertThat(rs.next()).as("an expectation row").isTrue();
                assertThat(rs.getString(1)).isEqualTo("roster_refresh");
                assertThat(rs.getString(2)).isEmpty();
                assertThat(rs.getString(3)).isEqualTo("0 5 * * *");
                assertThat(rs.getString(4)).isEqualTo("America/New_York");
                assertThat(rs.getString(5)).isEqualTo("00:30:00");
                assertThat(rs.getString(6)).isEqualTo("annotation");
                assertThat(rs.next()).as("one row only").isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT status FROM public.batch_runs WHERE batch_type = 'roster_refresh'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("success");
            }
        }
    }
}
