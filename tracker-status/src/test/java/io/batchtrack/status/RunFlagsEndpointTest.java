package io.batchtrack.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.schedule.Expectation;
import io.batchtrack.schedule.Schedules;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs in the seed's endpoints carry {@code overdue} and {@code anomalies} (issue 14, item 7), over
 * real HTTP against PostgreSQL: five ordinary weekly_update/full runs (10 minutes, 16 games, 14 odds
 * lines), then one of 40 minutes with no odds, and one still running 90 minutes past a 1 h maximum.
 */
@ExtendWith(PostgresExtension.class)
class RunFlagsEndpointTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T14:00:00Z"), ZoneOffset.UTC);
    private static final String SLOW = "019b4fcd-20d0-7dec-8988-a3bbeb0dbf11";
    private static final String STUCK = "019b4fcd-43f8-72cd-831d-29a9f283b7c9";
    private static final String ORDINARY = "019b4fcd-0000-7000-8000-000000000005";
    private static StatusServer server;
    private static BatchRunQueries queries;

    @BeforeAll
    static void recordAndStart(PostgresDatabase db) throws SQLException {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        Schedules.create(db.dataSource(), "public").declare(Expectation.declare("weekly_update", "full", "0 6 * * 2",
                null, Duration.ofHours(2), Duration.ofHours(1), Instant.parse("2026-11-01T00:00:00Z")));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (int i = 1; i <= 5; i++) {
                s.execute(run("019b4fcd-0000-7000-8000-00000000000" + i, "success", "2026-11-0" + i + "T11:00:00Z",
                        "interval '10 minutes'", 600_000, 14));
            }
            s.execute(run(SLOW, "partial", "2026-11-24T11:00:00Z", "interval '40 minutes'", 2_400_000, 0));
            s.execute("INSERT INTO batch_runs (id, batch_type, batch_mode, season_year, week, season_type, triggered_by,"
                    + " status, started_at) VALUES ('" + STUCK + "', 'weekly_update', 'full', 2026, 13, 'reg',"
                    + " 'scheduler', 'running', '2026-12-01T11:30:00Z')");
        }
        queries = BatchRunQueries.create(db.dataSource(), "public");
        server = StatusServer.start(queries, StatusServer.Options.defaults().clock(CLOCK));
    }

    private static String run(String id, String status, String started, String took, long ms, int odds) {
        return "INSERT INTO batch_runs (id, batch_type, batch_mode, season_year, week, season_type, triggered_by,"
                + " status, started_at, completed_at, duration_ms, games_processed, odds_synced) VALUES ('" + id
                + "', 'weekly_update', 'full', 2026, 12, 'reg', 'scheduler', '" + status + "', '" + started + "', '"
                + started + "'::timestamptz + " + took + ", " + ms + ", 16, " + odds + ")";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theHistoryFlagsTheOverdueRunAndTheAnomalousOneAndLeavesTheOthersPlain() {
        Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
        for (Map<String, Object> r : list(JsonReader.object(ok("/api/admin/batch-runs/history")).get("batch_runs"))) {
            byId.put((String) r.get("id"), r);
        }

        assertThat(byId.get(STUCK)).containsEntry("overdue", true).containsEntry("anomalies", List.of());
        assertThat(byId.get(ORDINARY)).containsEntry("overdue", false).containsEntry("anomalies", List.of());
        assertThat(byId.get(SLOW)).containsEntry("overdue", false);
        assertThat(list(byId.get(SLOW).get("anomalies"))).containsExactly(
                Map.of("what", "duration_ms", "value", 2_400_000L, "median", 600_000.0, "factor", 4.0),
                Map.of("what", "odds_synced", "value", 0L, "median", 14.0, "factor", 0.0));
    }

    @Test
    void theLatestRunAndARunByIdCarryTheSameFlags() {
        assertThat(JsonReader.object(ok("/api/admin/batch-runs/latest"))).containsEntry("id", STUCK)
                .containsEntry("overdue", true);
        Map<String, Object> slow = JsonReader.object(ok("/api/admin/batch-runs/" + SLOW));
        assertThat(list(slow.get("anomalies"))).extracting(a -> a.get("what"))
                .containsExactly("duration_ms", "odds_synced");
    }

    @Test
    void aLargerFactorFlagsOnlyTheDropToZero() {
        try (StatusServer lenient = StatusServer.start(queries, StatusServer.Options.defaults().clock(CLOCK)
                .anomalyFactor(5))) {
            HttpResponse<String> r = Http.get(lenient, "/api/admin/batch-runs/" + SLOW);

            assertThat(list(JsonReader.object(r.body()).get("anomalies"))).extracting(a -> a.get("what"))
                    .containsExactly("odds_synced");
        }
    }

    @Test
    void anomalyFactorIsReadFromConfigurationAndABadOneNamesTheKeyAndTheRule() {
        assertThat(StatusSettings.from(TrackerConfig.of(Map.of("batchtrack.status.port", "0",
                "batchtrack.anomaly.factor", "2.5"), Map.of())).options().orElseThrow().anomalyFactor()).isEqualTo(2.5);
        assertThat(StatusSettings.from(TrackerConfig.of(Map.of("batchtrack.status.port", "0"), Map.of())).options()
                .orElseThrow().anomalyFactor()).isEqualTo(3.0);
        for (String bad : List.of("1", "three", "-2")) {
            assertThatThrownBy(() -> StatusSettings.from(TrackerConfig.of(Map.of("batchtrack.status.port", "0",
                    "batchtrack.anomaly.factor", bad), Map.of()))).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("anomaly.factor").hasMessageContaining("'" + bad + "' is not a number more"
                            + " than 1 and at most 1000");
        }
    }

    private static String ok(String path) {
        HttpResponse<String> r = Http.get(server, path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
