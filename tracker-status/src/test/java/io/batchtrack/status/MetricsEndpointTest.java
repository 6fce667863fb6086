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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code GET /metrics} over real HTTP against PostgreSQL: rows of weekly_update (full and without a
 * mode), a batch type whose name holds quotes, a backslash and a newline (another writer's SQL), the
 * current week's readiness and two expectations. The server's clock reads Tuesday 2026-12-01 14:00 UTC
 * (2026 week 13).
 */
@ExtendWith(PostgresExtension.class)
class MetricsEndpointTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T14:00:00Z"), ZoneOffset.UTC);
    private static final String HOSTILE = "odd \"type\" \\ with\nnewline";
    private static final String TOKEN = "metrics-token-0123456789abcdef";
    private static final Instant SUCCESS_END = Instant.parse("2026-12-01T11:40:00Z");
    private static final Instant FAILED_END = Instant.parse("2026-11-24T11:10:00Z");
    private static final Instant SKIPPED_END = Instant.parse("2026-12-01T11:50:01Z");
    private static final Instant PARTIAL_END = Instant.parse("2026-11-30T10:00:00Z");
    /** The eight names of issue 16, exactly. */
    private static final List<String> NAMES = List.of("batchtrack_last_success_timestamp_seconds",
            "batchtrack_last_run_timestamp_seconds", "batchtrack_last_run_duration_seconds", "batchtrack_running_runs",
            "batchtrack_runs", "batchtrack_readiness_count", "batchtrack_readiness_ready", "batchtrack_slot_state");

    private static StatusServer server;
    private static DataSource dataSource;

    @BeforeAll
    static void recordAndStart(PostgresDatabase db) throws SQLException {
        dataSource = db.dataSource();
        BatchtrackSchema.migrate(dataSource, "public");
        Instant declared = Instant.parse("2026-11-20T00:00:00Z");
        Schedules schedules = Schedules.create(dataSource, "public");
        schedules.declare(Expectation.declare("weekly_update", "full", "0 6 * * 2", null, Duration.ofHours(2), null,
                declared));
        schedules.declare(Expectation.declare("roster_refresh", null, "0 5 * * *", null, Duration.ofMinutes(30), null,
                declared));
        insert("weekly_update", "full", "success", Instant.parse("2026-12-01T11:00:05Z"), SUCCESS_END, 2_395_000L);
        insert("weekly_update", "full", "failed", Instant.parse("2026-11-24T11:00:00Z"), FAILED_END, 600_000L);
        insert("weekly_update", "full", "running", Instant.parse("2026-12-01T12:30:00Z"), null, null);
        // an exclusive attempt that lost, after the success: it is not "the last run's duration"
        insert("weekly_update", "full", "skipped", Instant.parse("2026-12-01T11:50:00Z"), SKIPPED_END, 1_000L);
        insert("weekly_update", null, "partial", Instant.parse("2026-11-30T09:59:58.500Z"), PARTIAL_END, 1_500L);
        insert(HOSTILE, "x", "failed", Instant.parse("2026-11-30T08:00:00Z"), Instant.parse("2026-11-30T08:00:02Z"),
                2_000L);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO"
                + " data_readiness (season_year, week, season_type, schedule_complete, predictions_available,"
                + " games_count, predictions_count, updated_at) VALUES (2026, 13, 'reg', true, false, 16, 0, now())")) {
            ps.executeUpdate();
        }
        server = StatusServer.start(BatchRunQueries.create(dataSource, "public"),
                StatusServer.Options.defaults().clock(CLOCK));
    }

    private static void insert(String type, String mode, String status, Instant started, Instant completed,
            Long durationMs) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO batch_runs"
                + " (id, batch_type, batch_mode, season_year, week, season_type, triggered_by, status, started_at,"
                + " completed_at, duration_ms) VALUES (?, ?, ?, 2026, 13, 'reg', 'scheduler', ?, ?, ?, ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, type);
            ps.setString(3, mode);
            ps.setString(4, status);
            ps.setTimestamp(5, Timestamp.from(started));
            ps.setTimestamp(6, completed == null ? null : Timestamp.from(completed));
            ps.setObject(7, durationMs);
            ps.executeUpdate();
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theTextFormatPassesPromtoolWithHelpAndTypeForExactlyTheIssuesNames() {
        Promtool promtool = Promtool.require();
        HttpResponse<String> r = Http.get(server, "/metrics");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        Promtool.Check check = promtool.checkMetrics(r.body());
        // the one name the issue fixes that promtool's lint would rather see end otherwise (exit 3: lint only)
        assertThat(check.findings()).as("promtool check metrics (exit %d)", check.exitCode())
                .containsOnly("batchtrack_readiness_count non-histogram and non-summary metrics should not have"
                        + " \"_count\" suffix");
        assertThat(check.exitCode()).isEqualTo(3);
        PrometheusText text = PrometheusText.parse(r.body());
        assertThat(text.types.keySet()).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(text.types.values()).containsOnly("gauge");
        assertThat(text.helps.keySet()).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(text.samples).extracting(PrometheusText.Sample::name).allMatch(NAMES::contains);
    }

    @Test
    void runMetricsAreTheRowsOfBatchRuns() {
        PrometheusText text = PrometheusText.parse(Http.get(server, "/metrics").body());

        String success = "batchtrack_last_success_timestamp_seconds";
        assertThat(text.value(success, "batch_type", "weekly_update", "batch_mode", "full"))
                .isEqualTo(SUCCESS_END.getEpochSecond());
        assertThat(text.value(success, "batch_type", "weekly_update", "batch_mode", ""))
                .as("a partial run succeeded").isEqualTo(PARTIAL_END.getEpochSecond());
        assertThat(text.value(success, "batch_type", HOSTILE, "batch_mode", "x")).as("never succeeded").isZero();
        String last = "batchtrack_last_run_timestamp_seconds";
        assertThat(text.value(last, "batch_type", "weekly_update", "batch_mode", "full", "status", "success"))
                .isEqualTo(SUCCESS_END.getEpochSecond());
        assertThat(text.value(last, "batch_type", "weekly_update", "batch_mode", "full", "status", "failed"))
                .isEqualTo(FAILED_END.getEpochSecond());
        assertThat(text.value(last, "batch_type", "weekly_update", "batch_mode", "full", "status", "skipped"))
                .isEqualTo(SKIPPED_END.getEpochSecond());
        assertThat(text.samples(last)).noneMatch(s -> s.labels().get("status").equals("running")).hasSize(5);
        String duration = "batchtrack_last_run_duration_seconds";
        assertThat(text.value(duration, "batch_type", "weekly_update", "batch_mode", "full")).isEqualTo(2395.0);
        assertThat(text.value(duration, "batch_type", "weekly_update", "batch_mode", "")).isEqualTo(1.5);
        assertThat(text.value(duration, "batch_type", HOSTILE, "batch_mode", "x")).isEqualTo(2.0);
        assertThat(text.value("batchtrack_running_runs", "batch_type", "weekly_update")).isEqualTo(1.0);
        assertThat(text.value("batchtrack_running_runs", "batch_type", HOSTILE)).isZero();
        assertThat(text.samples("batchtrack_runs")).extracting(s -> s.labels().get("batch_type") + "/"
                + s.labels().get("status") + "=" + s.value()).containsExactlyInAnyOrder("weekly_update/success=1.0",
                "weekly_update/failed=1.0", "weekly_update/running=1.0", "weekly_update/skipped=1.0",
                "weekly_update/partial=1.0", HOSTILE + "/failed=1.0");
    }

    @Test
    void readinessIsTheCurrentWeeksRowAndSlotStatesTheLatestDueSlots() {
        PrometheusText text = PrometheusText.parse(Http.get(server, "/metrics").body());

        String[] week = {"season_year", "2026", "week", "13", "season_type", "reg"};
        assertThat(text.value("batchtrack_readiness_count", with(week, "dataset", "games"))).isEqualTo(16.0);
        assertThat(text.value("batchtrack_readiness_count", with(week, "dataset", "predictions"))).isZero();
        assertThat(text.value("batchtrack_readiness_ready", with(week, "dataset", "schedule"))).isEqualTo(1.0);
        assertThat(text.value("batchtrack_readiness_ready", with(week, "dataset", "predictions"))).isZero();
        assertThat(text.samples("batchtrack_readiness_count")).hasSize(2);
        assertThat(text.samples("batchtrack_readiness_ready")).hasSize(2);
        // weekly_update/full: due 2026-12-01 13:00 UTC, its success completed 11:40; roster_refresh: due
        // 10:30 UTC, no run at all
        assertThat(text.samples("batchtrack_slot_state")).filteredOn(s -> s.value() == 1.0)
                .extracting(s -> s.labels().get("batch_type") + "/" + s.labels().get("batch_mode") + "/"
                        + s.labels().get("state")).containsExactlyInAnyOrder("weekly_update/full/ok", "roster_refresh//missed");
        assertThat(text.samples("batchtrack_slot_state")).hasSize(10);
    }

    @Test
    void aBatchTypeWithQuotesBackslashesAndNewlinesIsEscapedAndReadsBackUnchanged() {
        String body = Http.get(server, "/metrics").body();

        assertThat(body).contains("batch_type=\"odd \\\"type\\\" \\\\ with\\nnewline\"");
        assertThat(body.lines()).noneMatch(l -> l.equals("newline\",status=\"failed\"} 1.0"));
        assertThat(PrometheusText.parse(body).value("batchtrack_runs", "batch_type", HOSTILE, "status", "failed"))
                .isEqualTo(1.0);
    }

    @Test
    void scrapesWithinAFewSecondsShareOneComputationOfAFewStatements() {
        CountingDataSource counting = new CountingDataSource(dataSource);
        try (StatusServer counted = StatusServer.start(BatchRunQueries.create(counting, "public"),
                StatusServer.Options.defaults().clock(CLOCK))) {
            HttpResponse<String> first = Http.get(counted, "/metrics");
            int statements = counting.statements();
            HttpResponse<String> second = Http.get(counted, "/metrics");

            assertThat(first.statusCode()).isEqualTo(200);
            // the grouped pass, the week's readiness row, the expectations, one read per expectation and
            // the running runs (whatever the number of rows)
            assertThat(statements).isBetween(3, 8);
            assertThat(counting.statements()).as("the second scrape").isEqualTo(statements);
            assertThat(second.body()).isEqualTo(first.body());
        }
    }

    @Test
    void withATokenMetricsNeedItLikeEveryOtherEndpoint() {
        try (StatusServer guarded = StatusServer.start(BatchRunQueries.create(dataSource, "public"),
                StatusServer.Options.defaults().clock(CLOCK).bearerToken(TOKEN))) {
            assertThat(Http.get(guarded, "/metrics").statusCode()).isEqualTo(401);
            HttpResponse<String> r = Http.get(guarded, "/metrics", "Authorization", "Bearer " + TOKEN);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("# TYPE batchtrack_runs gauge");
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIs503NotA500() {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");
        unreachable.setConnectTimeout(2);
        try (StatusServer s = StatusServer.start(BatchRunQueries.create(unreachable, "public"),
                StatusServer.Options.defaults().clock(CLOCK))) {
            HttpResponse<String> r = Http.get(s, "/metrics");

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void aFailedComputationIsNotCachedTheNextScrapeAsksAgain(PostgresDatabase unmigrated) {
        try (StatusServer s = StatusServer.start(BatchRunQueries.create(unmigrated.dataSource(), "public"),
                StatusServer.Options.defaults().clock(CLOCK))) {
            assertThat(Http.get(s, "/metrics").statusCode()).as("no tables yet").isEqualTo(503);
            BatchtrackSchema.migrate(unmigrated.dataSource(), "public");

            HttpResponse<String> r = Http.get(s, "/metrics");

            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(PrometheusText.parse(r.body()).samples("batchtrack_runs")).isEmpty();
        }
    }

    private static String[] with(String[] labels, String name, String value) {
        String[] all = java.util.Arrays.copyOf(labels, labels.length + 2);
        all[labels.length] = name;
        all[labels.length + 1] = value;
        return all;
    }
}
