package io.batchtrack.status;

import static io.batchtrack.status.TrackedRuns.FAILURE;
import static io.batchtrack.status.TrackedRuns.FULL;
import static io.batchtrack.status.TrackedRuns.INGEST_FAILED;
import static io.batchtrack.status.TrackedRuns.LAST_SEASON;
import static io.batchtrack.status.TrackedRuns.ODDS_PARTIAL;
import static io.batchtrack.status.TrackedRuns.PREDICTIONS;
import static io.batchtrack.status.TrackedRuns.ROSTER;
import static io.batchtrack.status.TrackedRuns.RUNNING;
import static io.batchtrack.status.TrackedRuns.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The seed's four endpoints over real HTTP, against runs recorded by the engine in real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class StatusApiTest {
    private static TrackedRuns runs;
    private static StatusServer server;
    private static List<String> batchRunsColumns;
    private static List<String> dataReadinessColumns;

    @BeforeAll
    static void recordRunsAndStart(PostgresDatabase db) throws SQLException {
        runs = TrackedRuns.record(db);
        server = StatusServer.start(runs.queries, StatusServer.Options.defaults().clock(TrackedRuns.SERVER_CLOCK));
        batchRunsColumns = columns(db.dataSource(), "batch_runs");
        dataReadinessColumns = columns(db.dataSource(), "data_readiness");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void latestIsTheRunStartedLastAndItsFieldsAreTheColumnsOfBatchRuns() {
        HttpResponse<String> r = Http.get(server, "/api/admin/batch-runs/latest");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        Map<String, Object> run = JsonReader.object(r.body());
        List<String> fields = new ArrayList<>(batchRunsColumns);
        fields.addAll(List.of("overdue", "anomalies")); // read with the run (issue 14), not columns
        assertThat(new ArrayList<>(run.keySet())).isEqualTo(fields);
        assertThat(run).containsEntry("id", runs.id(RUNNING).toString()).containsEntry("status", "running")
                .containsEntry("batch_type", "prediction_generation").containsEntry("completed_at", null)
                .containsEntry("duration_ms", null);
    }

    @Test
    void latestOfABatchTypeIsItsNewestRunWithTheFailure() {
        Map<String, Object> run = json(200, "/api/admin/batch-runs/latest?batch_type=weekly_update");

        assertThat(run).containsEntry("id", runs.id(INGEST_FAILED).toString()).containsEntry("status", "failed")
                .containsEntry("batch_mode", "ingest_only").containsEntry("season_year", 2025L)
                .containsEntry("week", 17L).containsEntry("season_type", "reg")
                .containsEntry("triggered_by", "github_actions").containsEntry("games_processed", 3L)
                .containsEntry("errors_encountered", 1L).containsEntry("error_type", "java.lang.IllegalStateException")
                .containsEntry("error_message", FAILURE);
        assertThat((String) run.get("error_stack")).contains("IllegalStateException");
        assertThat((Long) run.get("duration_ms")).isPositive();
    }

    @Test
    void latestOfABatchTypeThatNeverRanIs404() {
        Map<String, Object> error = json(404, "/api/admin/batch-runs/latest?batch_type=never_ran");

        assertThat(error).containsEntry("error", "not_found");
        assertThat((String) error.get("message")).contains("never_ran");
    }

    @Test
    void historyIsNewestFirstWithTheDefaultLimit() {
        Map<String, Object> page = json(200, "/api/admin/batch-runs/history");

        assertThat(page.get("limit")).isEqualTo(50L);
        assertThat(ids(page)).containsExactly(RUNNING, ROSTER, INGEST_FAILED, ODDS_PARTIAL, PREDICTIONS, FULL,
                LAST_SEASON);
        List<String> excerptFields = new ArrayList<>(batchRunsColumns);
        excerptFields.addAll(List.of("warnings_count", "error_message_length", "error_stack_length", "detail",
                "overdue", "anomalies"));
        for (Object run : (List<?>) page.get("batch_runs")) {
            assertThat(new ArrayList<>(((Map<?, ?>) run).keySet())).isEqualTo(excerptFields);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "limit=2                                 | running roster",
            "limit=1000                              | running roster ingest_failed odds_partial predictions full last_season",
            "batch_type=weekly_update                | ingest_failed odds_partial full last_season",
            "status=failed                           | ingest_failed",
            "status=PARTIAL                          | odds_partial",
            "status=running                          | running",
            "season_year=2024                        | last_season",
            "week=16                                 | roster",
            "season_type=reg&week=17&season_year=2025&status=success | predictions full",
            "batch_type=weekly_update&limit=2        | ingest_failed odds_partial",
            "season_type=post                        | ''",
            "batch_type=never_ran                    | ''",
            "colour=blue&limit=                      | running roster ingest_failed odds_partial predictions full last_season",
    })
    void historyFilters(String query, String expected) {
        Map<String, Object> page = json(200, "/api/admin/batch-runs/history?" + query);

        assertThat(ids(page)).containsExactlyElementsOf(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/admin/batch-runs/history?limit=0             | limit",
            "/api/admin/batch-runs/history?limit=1001          | limit",
            "/api/admin/batch-runs/history?limit=5000          | limit",
            "/api/admin/batch-runs/history?limit=ten           | limit",
            "/api/admin/batch-runs/history?limit=1.5           | limit",
            "/api/admin/batch-runs/history?limit=99999999999999999999 | limit",
            "/api/admin/batch-runs/history?limit=1&limit=2     | limit",
            "/api/admin/batch-runs/history?status=done         | status",
            "/api/admin/batch-runs/history?season_year=abc     | season_year",
            "/api/admin/batch-runs/history?season_year=1800    | season_year",
            "/api/admin/batch-runs/history?week=19             | week",
            "/api/admin/batch-runs/history?week=seventeen      | week",
            "/api/admin/batch-runs/history?season_type=playoffs | season_type",
            "/api/admin/batch-runs/history?batch_type=Weekly%20Update | batch_type",
            "/api/admin/batch-runs/history?batch_type=%C3%28   | batch_type",
            "/api/admin/batch-runs/latest?batch_type=%3Cscript%3E | batch_type",
            "/api/admin/data-readiness/abc                     | week",
            "/api/admin/data-readiness/1.5                     | week",
            "/api/admin/data-readiness/-1                      | week",
            "/api/admin/data-readiness/19                      | week",
            "/api/admin/data-readiness/0                       | week",
            "/api/admin/data-readiness/5?season_type=post      | week",
            "/api/admin/data-readiness/17?season_type=playoffs | season_type",
            "/api/admin/data-readiness/17?season_year=twenty   | season_year",
            "/api/admin/data-readiness/17?season_year=2101     | season_year",
    })
    void badParametersAre400NamingTheParameter(String pathAndQuery, String parameter) {
        Map<String, Object> error = json(400, pathAndQuery);

        assertThat(error).containsEntry("error", "bad_request").containsEntry("parameter", parameter);
        assertThat((String) error.get("message")).contains(parameter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/batch-runs/history?batch_type=%zz", "/api/admin/batch-runs/history?limit=%",
            "/api/admin/data-readiness/%zz"})
    void aMalformedRequestTargetIs400(String target) {
        assertThat(Http.rawStatusLine(server, "GET " + target + " HTTP/1.1")).isEqualTo("HTTP/1.1 400 Bad Request");
    }

    @Test
    void aWeekOutsideTheDefaultedSeasonTypeSaysWhichSeasonTypeWasAssumed() {
        try (StatusServer january = StatusServer.start(runs.queries, StatusServer.Options.defaults()
                .clock(java.time.Clock.fixed(Instant.parse("2026-01-14T12:00:00Z"), java.time.ZoneOffset.UTC)))) {
            HttpResponse<String> wildCardWeek = Http.get(january, "/api/admin/data-readiness/17");
            HttpResponse<String> explicit = Http.get(january, "/api/admin/data-readiness/17?season_type=reg");

            assertThat(wildCardWeek.statusCode()).isEqualTo(400);
            assertThat((String) JsonReader.object(wildCardWeek.body()).get("message"))
                    .contains("season_type defaults to the current week's, 2025/post/2").contains("season_type=reg");
            assertThat(explicit.statusCode()).isEqualTo(200);
            assertThat(JsonReader.object(explicit.body())).containsEntry("season_year", 2025L)
                    .containsEntry("games_count", 16L);
        }
    }

    @Test
    void aPartialRunsWarningsAreAnArrayOfStageMessageAtAndCustomMetricsAnObject() {
        Map<String, Object> partial = only(json(200, "/api/admin/batch-runs/history?status=partial"));
        Map<String, Object> predictions = json(200, "/api/admin/batch-runs/history?batch_type=prediction_generation"
                + "&status=success");

        List<?> warnings = (List<?>) partial.get("warnings");
        assertThat(warnings).hasSize(1);
        Map<?, ?> warning = (Map<?, ?>) warnings.get(0);
        assertThat(new ArrayList<Object>(warning.keySet())).containsExactly("stage", "message", "at");
        assertThat(warning.get("stage")).isEqualTo("odds");
        assertThat(warning.get("message")).isEqualTo(WARNING); // every character survives the JSON round trip
        assertThat(Instant.parse((String) warning.get("at"))).isBetween(instant(partial, "started_at"),
                instant(partial, "completed_at"));
        assertThat(partial.get("custom_metrics")).isEqualTo(Map.of());
        assertThat(only(predictions).get("custom_metrics")).isEqualTo(Map.of("models_loaded", 3L));
        assertThat(only(predictions)).containsEntry("predictions_generated", 180L)
                .containsEntry("predictions_skipped", 20L).containsEntry("warnings", List.of());
    }

    @Test
    void timesAreIso8601InUtc() {
        for (Object o : (List<?>) json(200, "/api/admin/batch-runs/history").get("batch_runs")) {
            Map<?, ?> run = (Map<?, ?>) o;
            for (String column : List.of("started_at", "completed_at", "heartbeat_at")) {
                Object t = run.get(column);
                if (t != null) {
                    assertThat((String) t).endsWith("Z");
                    Instant.parse((String) t);
                }
            }
        }
        assertThat((String) json(200, "/api/admin/data-readiness/current").get("updated_at")).endsWith("Z");
    }

    @Test
    void currentReadinessIsTheCurrentWeeksRowWithTheColumnsOfDataReadiness() {
        HttpResponse<String> r = Http.get(server, "/api/admin/data-readiness/current");

        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> week = JsonReader.object(r.body());
        assertThat(new ArrayList<>(week.keySet())).isEqualTo(dataReadinessColumns);
        assertThat(week).containsEntry("season_year", 2025L).containsEntry("week", 17L)
                .containsEntry("season_type", "reg").containsEntry("schedule_complete", true)
                .containsEntry("predictions_available", true).containsEntry("games_count", 16L)
                .containsEntry("predictions_count", 200L)
                .containsEntry("last_run_id", runs.id(ODDS_PARTIAL).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/admin/data-readiness/17                                | 2025 | 17 | 16 | 200",
            "/api/admin/data-readiness/17?season_year=2025&season_type=reg | 2025 | 17 | 16 | 200",
            "/api/admin/data-readiness/17?season_type=REG                | 2025 | 17 | 16 | 200",
            "/api/admin/data-readiness/17?season_year=2024               | 2024 | 17 | 16 | 0",
            "/api/admin/data-readiness/16                                | 2025 | 16 | 0  | 0",
            "/api/admin/data-readiness/017                               | 2025 | 17 | 16 | 200",
    })
    void aWeeksReadinessDefaultsToTheCurrentSeason(String pathAndQuery, long year, long week, long games,
            long predictions) {
        Map<String, Object> row = json(200, pathAndQuery);

        assertThat(row).containsEntry("season_year", year).containsEntry("week", week)
                .containsEntry("season_type", "reg").containsEntry("games_count", games)
                .containsEntry("predictions_count", predictions).containsEntry("schedule_complete", games > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/data-readiness/5", "/api/admin/data-readiness/17?season_year=2023",
            "/api/admin/data-readiness/3?season_type=post", "/api/admin/data-readiness/0?season_type=pre"})
    void aWeekWithoutReadinessIs404(String pathAndQuery) {
        Map<String, Object> error = json(404, pathAndQuery);

        assertThat(error).containsEntry("error", "not_found");
        assertThat((String) error.get("message")).contains("data_readiness");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin", "/api/admin/", "/api/admin/batch-runs", "/api/admin/batch-runs/latest/",
            "/api/admin/data-readiness/", "/api/admin/data-readiness/17/extra", "/favicon.ico", "/status/",
            "/api/admin/batch-runs/latest/x", "/api/admin/batch-runs/01a234f8-5ec6-7243-bb86-6c0b8311e5f8/"})
    void anUnknownPathIs404(String path) {
        assertThat(json(404, path)).containsEntry("error", "not_found");
    }

    /** Since /batch-runs/{id} exists, a misspelt name there is a malformed id: 400 naming the rule. */
    @Test
    void aMisspeltNameUnderBatchRunsIsAMalformedId() {
        assertThat(json(400, "/api/admin/batch-runs/LATEST")).containsEntry("parameter", "id");
    }

    @ParameterizedTest
    @CsvSource({"POST, /api/admin/batch-runs/latest", "PUT, /api/admin/batch-runs/history",
            "DELETE, /api/admin/batch-runs/history", "PATCH, /api/admin/data-readiness/current",
            "POST, /api/admin/data-readiness/17", "DELETE, /", "OPTIONS, /status"})
    void anyMethodButGetAndHeadIs405(String method, String path) {
        HttpResponse<String> r = Http.send(server, method, path);

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(JsonReader.object(r.body())).containsEntry("error", "method_not_allowed");
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        HttpResponse<String> r = Http.send(server, "HEAD", "/api/admin/batch-runs/latest");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(Http.send(server, "HEAD", "/api/admin/data-readiness/5").statusCode()).isEqualTo(404);
    }

    @Test
    void everyAnswerForbidsCachingSniffingAndFraming() {
        HttpResponse<String> r = Http.get(server, "/api/admin/batch-runs/history?limit=abc");

        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
    }

    @Test
    void anEmptyDatabaseAnswers404ForOneRowAndAnEmptyHistory(PostgresDatabase empty) {
        io.batchtrack.jdbi.BatchtrackSchema.migrate(empty.dataSource(), "public");
        try (StatusServer s = StatusServer.start(BatchRunQueries.create(empty.dataSource(), "public"),
                StatusServer.Options.defaults().clock(TrackedRuns.SERVER_CLOCK))) {
            assertThat(Http.get(s, "/api/admin/batch-runs/latest").statusCode()).isEqualTo(404);
            assertThat(Http.get(s, "/api/admin/data-readiness/current").statusCode()).isEqualTo(404);
            assertThat(JsonReader.object(Http.get(s, "/api/admin/batch-runs/history").body()))
                    .containsEntry("batch_runs", List.of());
        }
    }

    @Test
    void aHandEditedWarningWithoutATimeIsNullNotAnError(PostgresDatabase db) throws SQLException {
        TrackedRuns own = TrackedRuns.record(db);
        execute(db.dataSource(), "UPDATE batch_runs SET warnings = '[{\"stage\": \"odds\", \"message\": null}]'"
                + " WHERE id = '" + own.id(ODDS_PARTIAL) + "'");
        try (StatusServer s = StatusServer.start(own.queries, StatusServer.Options.defaults()
                .clock(TrackedRuns.SERVER_CLOCK))) {
            HttpResponse<String> r = Http.get(s, "/api/admin/batch-runs/history?status=partial");

            assertThat(r.statusCode()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            Map<String, Object> warning = (Map<String, Object>) ((List<?>) only(JsonReader.object(r.body()))
                    .get("warnings")).get(0);
            assertThat(warning).containsEntry("message", null).containsEntry("at", null);
            assertThat(Http.get(s, "/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIs503NotA500() {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");
        unreachable.setConnectTimeout(2);
        try (StatusServer s = StatusServer.start(BatchRunQueries.create(unreachable, "public"),
                StatusServer.Options.defaults())) {
            HttpResponse<String> r = Http.get(s, "/api/admin/batch-runs/latest");

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(JsonReader.object(r.body())).containsEntry("error", "unavailable");
            assertThat(Http.get(s, "/").statusCode()).isEqualTo(503);
        }
    }

    private static Map<String, Object> json(int status, String pathAndQuery) {
        HttpResponse<String> r = Http.get(server, pathAndQuery);
        assertThat(r.statusCode()).as("%s -> %s", pathAndQuery, r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return JsonReader.object(r.body());
    }

    /** The names of the runs on a history page, in order. */
    private static List<String> ids(Map<String, Object> page) {
        List<String> names = new ArrayList<>();
        for (Object run : (List<?>) page.get("batch_runs")) {
            String id = (String) ((Map<?, ?>) run).get("id");
            runs.ids.forEach((name, uuid) -> {
                if (uuid.toString().equals(id)) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(Map<String, Object> page) {
        List<?> list = (List<?>) page.get("batch_runs");
        assertThat(list).hasSize(1);
        return (Map<String, Object>) list.get(0);
    }

    private static Instant instant(Map<String, Object> run, String column) {
        return Instant.parse((String) run.get(column));
    }

    private static List<String> columns(DataSource ds, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema"
                        + " = 'public' AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
