package io.batchtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
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
 * {@code GET /api/admin/readiness-deadlines} over real HTTP against PostgreSQL: the schedule must be
 * complete Tuesdays 06:00 New York, predictions available Thursdays 12:00; the server's clock reads
 * Wednesday 2026-12-02 14:00 UTC (2026 week 13, whose Thursday noon is still to come).
 */
@ExtendWith(PostgresExtension.class)
class ReadinessDeadlinesEndpointTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T14:00:00Z"), ZoneOffset.UTC);
    private static StatusServer server;

    @BeforeAll
    static void declareRecordAndStart(PostgresDatabase db) throws SQLException {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO readiness_deadlines (flag, cron, declared_at) VALUES"
                    + " ('schedule', '0 6 * * 2', '2026-09-01T00:00:00Z'),"
                    + " ('predictions', '0 12 * * 4', '2026-09-01T00:00:00Z')");
            s.execute("INSERT INTO data_readiness (season_year, week, season_type, schedule_complete,"
                    + " predictions_available, games_count, predictions_count, updated_at, schedule_complete_at,"
                    + " predictions_available_at) VALUES"
                    // week 13: the schedule an hour before Tuesday 06:00 EST; no predictions yet
                    + " (2026, 13, 'reg', true, false, 16, 0, now(), '2026-12-01T10:00:00Z', NULL),"
                    // week 12: the schedule an hour after its Tuesday; predictions before Thursday noon
                    + " (2026, 12, 'reg', true, true, 16, 256, now(), '2026-11-24T12:00:00Z',"
                    + " '2026-11-26T16:00:00Z')");
        }
        server = StatusServer.start(BatchRunQueries.create(db.dataSource(), "public"),
                StatusServer.Options.defaults().clock(CLOCK));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachDeadlineHasItsSettingsAndTheLastSixWeeksStatesNewestFirst() {
        HttpResponse<String> r = Http.get(server, "/api/admin/readiness-deadlines");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        Map<String, Object> body = JsonReader.object(r.body());
        assertThat(body).containsEntry("generated_at", "2026-12-02T14:00:00Z").containsEntry("weeks", 6L)
                .containsEntry("from", "2026-10-27T04:00:00Z").containsEntry("to", "2026-12-08T05:00:00Z");
        List<Map<String, Object>> deadlines = list(body.get("deadlines"));
        assertThat(deadlines).extracting(d -> d.get("flag")).containsExactly("schedule", "predictions");

        Map<String, Object> schedule = deadlines.get(0);
        assertThat(schedule).containsEntry("column", "schedule_complete").containsEntry("cron", "0 6 * * 2")
                .containsEntry("zone", "America/New_York").containsEntry("declared_at", "2026-09-01T00:00:00Z")
                .containsEntry("next_deadline", "2026-12-08T11:00:00Z").containsEntry("invalid", null);
        List<Map<String, Object>> weeks = list(schedule.get("occurrences"));
        assertThat(weeks).extracting(w -> w.get("week")).containsExactly(13L, 12L, 11L, 10L, 9L, 8L);
        assertThat(weeks).extracting(w -> w.get("state")).containsExactly("ready", "ready_late", "late", "late",
                "late", "late");
        assertThat(weeks.get(0)).containsEntry("occurrence", "2026-12-01T11:00:00Z")
                .containsEntry("ready_at", "2026-12-01T10:00:00Z").containsEntry("season_year", 2026L)
                .containsEntry("season_type", "reg").containsEntry("period", "2026 week 13");
        assertThat(weeks.get(5)).as("06:00 EDT, before the change of 2026-11-01")
                .containsEntry("occurrence", "2026-10-27T10:00:00Z").containsEntry("ready_at", null);

        List<Map<String, Object>> predictions = list(deadlines.get(1).get("occurrences"));
        assertThat(predictions).extracting(w -> w.get("state")).containsExactly("pending", "ready", "late", "late",
                "late", "late");
        assertThat(predictions.get(0)).containsEntry("occurrence", "2026-12-03T17:00:00Z");
    }

    @Test
    void weeksAndFlagNarrowTheAnswer() {
        Map<String, Object> body = JsonReader.object(Http.get(server,
                "/api/admin/readiness-deadlines?weeks=2&flag=predictions").body());

        assertThat(body).containsEntry("weeks", 2L).containsEntry("from", "2026-11-24T05:00:00Z");
        assertThat(list(body.get("deadlines"))).singleElement().satisfies(d -> assertThat(list(d.get("occurrences")))
                .extracting(w -> w.get("state")).containsExactly("pending", "ready"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"weeks=0", "weeks=27", "weeks=six", "flag=odds", "flag=Schedule", "weeks=1&weeks=2"})
    void aBadParameterIs400NamingIt(String query) {
        HttpResponse<String> r = Http.get(server, "/api/admin/readiness-deadlines?" + query);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        Map<String, Object> error = JsonReader.object(r.body());
        assertThat(error).containsEntry("error", "bad_request");
        assertThat((String) error.get("parameter")).isEqualTo(query.substring(0, query.indexOf('=')));
    }

    @Test
    void aDatabaseWithoutTheTableIs503NotA500(PostgresDatabase unmigrated) {
        try (StatusServer other = StatusServer.start(BatchRunQueries.create(unmigrated.dataSource(), "public"),
                StatusServer.Options.defaults().clock(CLOCK))) {
            HttpResponse<String> r = Http.get(other, "/api/admin/readiness-deadlines");

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(JsonReader.object(r.body())).containsEntry("error", "unavailable");
        }
    }

    @Test
    void onlyGetAndHeadOnExactlyThatPath() {
        assertThat(Http.send(server, "POST", "/api/admin/readiness-deadlines").statusCode()).isEqualTo(405);
        assertThat(Http.send(server, "HEAD", "/api/admin/readiness-deadlines").statusCode()).isEqualTo(200);
        assertThat(Http.get(server, "/api/admin/readiness-deadlines/schedule").statusCode()).isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
