package io.batchtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code batchtrack sweep}: runs of dead processes marked abandoned (tracker-jdbi's HeartbeatTest tests the store). */
@ExtendWith(PostgresExtension.class)
class SweepCommandTest {

    @Test
    void theSweepCommandMarksAbandonedRunsUsingTheGivenLimitForRowsWithoutOne(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        insertRunning(f, "interval '30 seconds'", null, 1);
        insertRunning(f, "interval '30 seconds'", 60_000L, 2);
        f.awaitServerUpFor(Duration.ofSeconds(2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = BatchtrackCli.run(new String[] {"sweep", "--stale-limit", "PT2S"}, TrackerConfig.of(Map.of(),
                Map.of("BATCHTRACK_JDBC_URL", db.jdbcUrl(), "BATCHTRACK_JDBC_USER", db.user())),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("marked 1 run(s) abandoned");
        assertThat(f.rows("SELECT status FROM batch_runs ORDER BY games_processed")).extracting(r -> r.get("status"))
                .containsExactly("failed", "running");
    }


    /** A running row whose last heartbeat was {@code age} ago, by the database's clock. */
    private static void insertRunning(Fixture f, String age, Long staleLimitMs, int games) {
        f.sql.useHandle(h -> h.createUpdate("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type,"
                + " triggered_by, status, started_at, heartbeat_at, stale_limit_ms, games_processed, host)"
                + " VALUES (gen_random_uuid(), 'weekly_update', 2025, 17, 'reg', 'manual', 'running', now() - " + age
                + " - interval '1 minute', now() - " + age + ", :limit, :games, '4242@gone')")
                .bind("limit", staleLimitMs).bind("games", games).execute());
    }
}
