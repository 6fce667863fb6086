package io.batchtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, item 21: one request must not make the batch JVM build a response of every warning and
 * stack of a thousand runs. Lists carry excerpts, a run's whole record is its own URL, and the page
 * and the history are written as they are made under a byte cap, ending with a marker when cut.
 * Twenty failed runs, each with a 2,000-character message, a 10,000-character stack and 200
 * warnings of 1,000 characters (4.3 MB in all).
 */
@ExtendWith(PostgresExtension.class)
class StatusResponseBoundsTest {
    private static final int CAP = 16 * 1024;
    private static StatusServer server;
    private static StatusServer capped;

    @BeforeAll
    static void start(PostgresDatabase db) throws SQLException {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO batch_runs (batch_type, season_year, week, season_type, triggered_by, status,"
                    + " started_at, completed_at, duration_ms, error_type, error_message, error_stack, warnings)"
                    + " SELECT 'type_' || (g % 4), 2025, 17, 'reg', 'manual', 'failed', now() - g * interval '1 minute',"
                    + " now() - g * interval '1 minute' + interval '5 seconds', 5000, 'java.lang.IllegalStateException',"
                    + " repeat('m', 2000), repeat('s', 10000), (SELECT jsonb_agg(jsonb_build_object('stage', 'odds',"
                    + " 'message', i || repeat('w', 1000), 'at', '2025-12-24T12:00:00Z')) FROM generate_series(1, 200) i)"
                    + " FROM generate_series(1, 20) g");
        }
        BatchRunQueries queries = BatchRunQueries.create(db.dataSource(), "public");
        server = StatusServer.start(queries, StatusServer.Options.defaults());
        capped = StatusServer.start(queries, StatusServer.Options.defaults().maxResponseBytes(CAP));
    }

    @AfterAll
    static void stop() {
        for (StatusServer s : List.of(server, capped)) {
            s.close();
        }
    }

    @Test
    void theHistoryListsExcerptsCountsAndEachRunsOwnUrl() {
        HttpResponse<String> r = Http.get(server, "/api/admin/batch-runs/history?limit=1000");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(20 * 4_000); // was 4.3 MB
        List<?> runs = (List<?>) JsonReader.object(r.body()).get("batch_runs");
        assertThat(runs).hasSize(20).allSatisfy(o -> {
            Map<?, ?> run = (Map<?, ?>) o;
            assertThat((String) run.get("error_message")).hasSize(301).endsWith("…");
            assertThat((String) run.get("error_stack")).hasSize(501).endsWith("…");
            assertThat(run.get("error_message_length")).isEqualTo(2000L);
            assertThat(run.get("error_stack_length")).isEqualTo(10000L);
            assertThat(run.get("warnings_count")).isEqualTo(200L);
            assertThat((List<?>) run.get("warnings")).hasSize(5).allSatisfy(w ->
                    assertThat((String) ((Map<?, ?>) w).get("message")).hasSizeLessThanOrEqualTo(300));
            assertThat(run.get("detail")).isEqualTo("/api/admin/batch-runs/" + run.get("id"));
        });
    }

    @Test
    void aRunsWholeRecordIsItsOwnUrl() {
        Map<?, ?> first = (Map<?, ?>) ((List<?>) JsonReader.object(Http.get(server,
                "/api/admin/batch-runs/history?limit=1").body()).get("batch_runs")).get(0);

        HttpResponse<String> r = Http.get(server, (String) first.get("detail"));

        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> run = JsonReader.object(r.body());
        assertThat(run).containsEntry("id", first.get("id"));
        assertThat((String) run.get("error_message")).isEqualTo("m".repeat(2000));
        assertThat((String) run.get("error_stack")).hasSize(10000);
        assertThat((List<?>) run.get("warnings")).hasSize(200);
    }

    @Test
    void anUnknownRunIs404() {
        HttpResponse<String> r = Http.get(server, "/api/admin/batch-runs/01a234f8-5ec6-7243-bb86-6c0b8311e5f8");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JsonReader.object(r.body())).containsEntry("error", "not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "01a234f85ec67243bb866c0b8311e5f8",
        "01a234f8-5ec6-7243-bb86-6c0b8311e5fg", "%27%3B%20DROP%20TABLE%20batch_runs"})
    void aMalformedRunIdIs400NamingTheRule(String id) {
        HttpResponse<String> r = Http.get(server, "/api/admin/batch-runs/" + id);

        assertThat(r.statusCode()).isEqualTo(400);
        Map<String, Object> error = JsonReader.object(r.body());
        assertThat(error).containsEntry("parameter", "id");
        assertThat((String) error.get("message")).contains("is not a UUID of 32 hexadecimal digits in groups of"
                + " 8-4-4-4-12");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHistoryLongerThanTheCapIsCutAtARunWithAMarkerAndStaysValidJson() {
        String answer = Http.raw(capped, "GET /api/admin/batch-runs/history?limit=1000 HTTP/1.1\r\nHost: localhost");
        HttpResponse<String> r = Http.get(capped, "/api/admin/batch-runs/history?limit=1000");

        assertThat(answer).startsWith("HTTP/1.1 200 ").containsIgnoringCase("Transfer-encoding: chunked");
        assertThat(r.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CAP);
        Map<String, Object> page = JsonReader.object(r.body());
        int shown = ((List<?>) page.get("batch_runs")).size();
        assertThat(shown).isBetween(1, 19);
        assertThat((Map<Object, Object>) page.get("truncated")).containsEntry("runs_shown", (long) shown)
                .containsEntry("runs_matched", 20L).containsEntry("max_response_bytes", (long) CAP);
    }

    @Test
    void thePageShowsExcerptsWithLinksToTheWholeRuns() {
        HttpResponse<String> r = Http.get(server, "/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("195 more:").contains("href=\"api/admin/batch-runs/")
                .contains("200 warnings").doesNotContain("m".repeat(301)).doesNotContain("w".repeat(301))
                .doesNotContain("id=\"truncated\"").endsWith("</html>\n");
        assertThat(r.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(200_000);
    }

    @Test
    void aPageLargerThanTheCapEndsWithAMarkerAndItsClosingTags() {
        HttpResponse<String> r = Http.get(capped, "/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CAP);
        assertThat(r.body()).contains("id=\"truncated\"").contains("batch types are shown: the page reached its size"
                + " limit of " + CAP + " bytes").endsWith("</html>\n");
    }
}
