package io.batchtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /api/admin/expectations} over real HTTP against PostgreSQL: weekly_update/full expected
 * Tuesdays 06:00 New York (grace 2 h) and roster_refresh daily at 05:00; the server's clock reads
 * Tuesday 2026-12-01 14:00 UTC (09:00 EST, 2026 week 13).
 */
@ExtendWith(PostgresExtension.class)
class ExpectationsEndpointTest {
    private static final Instant DECLARED = Instant.parse("2026-11-20T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T14:00:00Z"), ZoneOffset.UTC);
    private static final String OK_RUN = "019b4fcd-20d0-7dec-8988-a3bbeb0dbf10";
    private static final String STUCK_RUN = "019b4fcd-43f8-72cd-831d-29a9f283b7c8";
    private static StatusServer server;
    private static BatchRunQueries queries;

    @BeforeAll
    static void declareRecordAndStart(PostgresDatabase db) throws SQLException {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        Schedules schedules = Schedules.create(db.dataSource(), "public");
        schedules.declare(Expectation.declare("weekly_update", "full", "0 6 * * 2", null, Duration.ofHours(2),
                Duration.ofHours(1), DECLARED));
        schedules.declare(Expectation.declare("roster_refresh", null, "0 5 * * *", null, Duration.ofMinutes(30), null,
                DECLARED));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO batch_runs (id, batch_type, batch_mode, season_year, week, season_type, triggered_by,"
                    + " status, started_at, completed_at, duration_ms) VALUES ('" + OK_RUN + "', 'weekly_update',"
                    + " 'full', 2026, 13, 'reg', 'scheduler', 'success', '2026-12-01T11:00:05Z', '2026-12-01T11:40:00Z',"
                    + " 2395000)");
            s.execute("INSERT INTO batch_runs (id, batch_type, batch_mode, season_year, week, season_type, triggered_by,"
                    + " status, started_at) VALUES ('" + STUCK_RUN + "', 'weekly_update', 'full', 2026, 13, 'reg',"
                    + " 'manual', 'running', '2026-12-01T12:30:00Z')");
        }
        queries = BatchRunQueries.create(db.dataSource(), "public");
        server = StatusServer.start(queries, StatusServer.Options.defaults().clock(CLOCK));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachExpectationHasItsSettingsNextDueTimeAndLastSlotsNewestFirst() {
        HttpResponse<String> r = Http.get(server, "/api/admin/expectations");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        Map<String, Object> body = JsonReader.object(r.body());
        assertThat(body).containsEntry("generated_at", "2026-12-01T14:00:00Z");
        List<Map<String, Object>> expectations = list(body.get("expectations"));
        assertThat(expectations).extracting(e -> e.get("batch_type")).containsExactly("roster_refresh", "weekly_update");

        Map<String, Object> weekly = expectations.get(1);
        assertThat(weekly).containsEntry("batch_mode", "full").containsEntry("cron", "0 6 * * 2")
                .containsEntry("zone", "America/New_York").containsEntry("grace_seconds", 7200L)
                .containsEntry("max_duration_seconds", 3600L).containsEntry("source", "operator")
                .containsEntry("declared_at", "2026-11-20T00:00:00Z").containsEntry("next_due", "2026-12-08T13:00:00Z")
                .containsEntry("invalid", null);
        List<Map<String, Object>> slots = list(weekly.get("slots"));
        assertThat(slots).hasSize(2);
        assertThat(slots.get(0)).containsEntry("occurrence", "2026-12-01T11:00:00Z")
                .containsEntry("due", "2026-12-01T13:00:00Z").containsEntry("state", "ok")
                .containsEntry("run_id", OK_RUN).containsEntry("season_year", 2026L).containsEntry("week", 13L)
                .containsEntry("season_type", "reg").containsEntry("period", "2026 week 13");
        assertThat(slots.get(1)).containsEntry("occurrence", "2026-11-24T11:00:00Z").containsEntry("state", "missed")
                .containsEntry("run_id", null).containsEntry("period", "2026 week 12");

        List<Map<String, Object>> roster = list(expectations.get(0).get("slots"));
        assertThat(roster).hasSize(10).allSatisfy(s -> assertThat(s).containsEntry("state", "missed"));
        assertThat(roster.get(0)).containsEntry("occurrence", "2026-12-01T10:00:00Z");
        assertThat(expectations.get(0)).containsEntry("next_due", "2026-12-02T10:30:00Z")
                .containsEntry("batch_mode", null).containsEntry("max_duration_seconds", null);

        assertThat(list(body.get("overdue"))).singleElement().satisfies(o -> assertThat(o)
                .containsEntry("id", STUCK_RUN).containsEntry("running_seconds", 5400L)
                .containsEntry("limit_seconds", 3600L).containsEntry("rule", "max_duration of weekly_update/full"));
    }

    @Test
    void batchTypeModeAndSlotsNarrowTheAnswer() {
        Map<String, Object> body = JsonReader.object(Http.get(server,
                "/api/admin/expectations?batch_type=weekly_update&batch_mode=full&slots=1").body());

        List<Map<String, Object>> expectations = list(body.get("expectations"));
        assertThat(expectations).singleElement().satisfies(e -> assertThat(list(e.get("slots"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("state", "ok")));
        assertThat(list(JsonReader.object(Http.get(server, "/api/admin/expectations?batch_type=odds_sync").body())
                .get("expectations"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"slots=0", "slots=11", "slots=ten", "batch_type=Weekly%20Update", "batch_mode=full",
        "slots=1&slots=2"})
    void aBadParameterIs400NamingIt(String query) {
        HttpResponse<String> r = Http.get(server, "/api/admin/expectations?" + query);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        Map<String, Object> error = JsonReader.object(r.body());
        assertThat(error).containsEntry("error", "bad_request");
        assertThat((String) error.get("parameter")).isEqualTo(query.substring(0, query.indexOf('=')));
    }

    @Test
    void aDatabaseWithoutTheTableIs503NotA500(PostgresDatabase unmigrated) {
        try (StatusServer other = StatusServer.start(BatchRunQueries.create(unmigrated.dataSource(), "public"),
                StatusServer.Options.defaults().clock(CLOCK))) {
            HttpResponse<String> r = Http.get(other, "/api/admin/expectations");

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(JsonReader.object(r.body())).containsEntry("error", "unavailable");
        }
    }

    @Test
    void onlyGetAndHeadOnExactlyThatPath() {
        assertThat(Http.send(server, "POST", "/api/admin/expectations").statusCode()).isEqualTo(405);
        assertThat(Http.send(server, "HEAD", "/api/admin/expectations").statusCode()).isEqualTo(200);
        assertThat(Http.get(server, "/api/admin/expectations/weekly_update").statusCode()).isEqualTo(404);
        assertThat(Http.get(server, "/api/admin/batch-runs/latest").statusCode()).as("the other endpoints stay")
                .isEqualTo(200);
    }

    @Test
    void aConfiguredTokenIsRequired() {
        String token = "expectations-token-0123456789";
        try (StatusServer guarded = StatusServer.start(queries, StatusServer.Options.defaults().clock(CLOCK)
                .bearerToken(token))) {
            assertThat(Http.get(guarded, "/api/admin/expectations").statusCode()).isEqualTo(401);
            assertThat(Http.get(guarded, "/api/admin/expectations", "Authorization", "Bearer " + token).statusCode())
                    .isEqualTo(200);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
