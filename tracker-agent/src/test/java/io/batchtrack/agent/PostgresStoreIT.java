package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppPerJdk;
import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Database;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.internal.JsonReader;
import io.batchtrack.agent.testing.TestApps;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's bundled PostgreSQL store, end to end: the pgjobs application (src/test/apps/pgjobs,
 * batches of every outcome, one week each, and a ReadinessProbe service of its own) runs once per JDK
 * with {@code -javaagent} against a fresh database, in a schema per JDK; the tests read the rows it
 * left. The JDBC URL and user are agent arguments, the password is the child's environment.
 */
@ExtendWith(PostgresExtension.class)
class PostgresStoreIT {
    private static final AppPerJdk APP = new AppPerJdk("java", (db, jdk) -> db.configure(Forked.app(jdk, "app.pgjobs.Main",
            TestApps.jar("pgjobs", 17)), "trigger=agent_it").run());

    private static PostgresDatabase database; // for the tests that fork an application of their own

    @BeforeAll
    static void database(PostgresDatabase db) {
        database = db;
        APP.use(db);
    }

    static Iterable<Jdk> jdks() {
        return Jdk.all();
    }

    private static Database db(Jdk jdk) {
        return APP.db(jdk);
    }

    private static AppRun run(Jdk jdk) {
        return APP.run(jdk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theApplicationRunsAsWithoutTheAgentAndEveryRunHasItsRow(Jdk jdk) {
        AppRun run = run(jdk);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.results()).containsExactly("weekly.result=16", "odds.result=14",
                "failing.threw=odds API unavailable: HTTP 503", "outer.result=outer done", "async.result=odds synced",
                "async_failure.threw=sportsbook closed", "done=true");
        assertThat(run.stderrLines("WARNING")).as(run.toString()).isEmpty();
        assertThat(db(jdk).rows("SELECT batch_type, status FROM {schema}.batch_runs")).hasSize(7);
        assertThat(db(jdk).rows("SELECT 1 FROM {schema}.batch_runs WHERE status = 'running' OR completed_at IS NULL"
                + " OR duration_ms < 0 OR triggered_by <> 'agent_it' OR host IS NULL")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aRunWithoutWarningsIsASuccessWithItsCountersPeriodAndMode(Jdk jdk) {
        Map<String, Object> row = db(jdk).run(run(jdk).value("track.weekly.id"));

        assertThat(row).containsEntry("batch_type", "weekly_update").containsEntry("batch_mode", "full")
                .containsEntry("season_year", 2024).containsEntry("week", 1).containsEntry("season_type", "reg")
                .containsEntry("status", "success").containsEntry("triggered_by", "agent_it")
                .containsEntry("games_processed", 16L).containsEntry("api_calls_made", 3L)
                .containsEntry("odds_synced", 0L).containsEntry("parent_run_id", null)
                .containsEntry("error_type", null).containsEntry("error_message", null);
        assertThat(JsonReader.parse((String) row.get("custom_metrics"))).isEqualTo(Map.of("rows_checked", 5L));
        assertThat(JsonReader.parse((String) row.get("warnings"))).isEqualTo(List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aRunWithAWarningIsPartialAndKeepsTheWarningAsJson(Jdk jdk) {
        Map<String, Object> row = db(jdk).run(run(jdk).value("track.odds.id"));

        assertThat(row).containsEntry("status", "partial").containsEntry("batch_mode", "odds_only")
                .containsEntry("week", 2).containsEntry("odds_synced", 14L).containsEntry("warnings_dropped", 0L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> warnings = (List<Map<String, Object>>) JsonReader.parse((String) row.get("warnings"));
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).containsEntry("stage", "odds")
                .containsEntry("message", "No odds for 2 of 16 games: \"KC@BAL\", PHI@GB").containsKey("at");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aRunThatThrowsIsFailedWithTheExceptionAndTheCountersItReached(Jdk jdk) {
        Map<String, Object> row = db(jdk).run(run(jdk).value("track.failing.id"));

        assertThat(row).containsEntry("status", "failed").containsEntry("week", 1)
                .containsEntry("error_type", "java.lang.IllegalStateException")
                .containsEntry("error_message", "odds API unavailable: HTTP 503")
                .containsEntry("errors_encountered", 1L).containsEntry("game_logs_added", 7L)
                .containsEntry("games_processed", 99L);
        assertThat((String) row.get("error_stack")).contains("app.pgjobs.Main.failing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aNestedRunNamesTheOuterRunAsItsParent(Jdk jdk) {
        AppRun run = run(jdk);
        Map<String, Object> outer = db(jdk).run(run.value("track.outer.id"));
        Map<String, Object> inner = db(jdk).run(run.value("track.inner.id"));

        assertThat(outer).containsEntry("batch_type", "prediction_generation").containsEntry("status", "success")
                .containsEntry("parent_run_id", null).containsEntry("predictions_generated", 16L);
        assertThat(inner).containsEntry("batch_type", "roster_refresh").containsEntry("status", "success")
                .containsEntry("parent_run_id", run.value("track.outer.id")).containsEntry("week", 4);
        assertThat(JsonReader.parse((String) inner.get("custom_metrics"))).isEqualTo(Map.of("players_onboarded", 6L));
        assertThat(run.value("track.outer.after_inner")).isEqualTo(run.value("track.outer.id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anAsynchronousRunEndsWhenItsFutureCompletesOnAnotherThread(Jdk jdk) {
        AppRun run = run(jdk);
        Map<String, Object> ok = db(jdk).run(run.value("track.async.id"));
        Map<String, Object> failed = db(jdk).run(run.value("track.async_failure.id"));

        assertThat(ok).containsEntry("status", "success").containsEntry("odds_synced", 9L).containsEntry("week", 5);
        assertThat(failed).containsEntry("status", "failed").containsEntry("week", 6)
                .containsEntry("error_type", "java.lang.UnsupportedOperationException")
                .containsEntry("error_message", "sportsbook closed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void readinessIsRefreshedAfterSuccessAndPartialRunsFromTheApplicationsProbe(Jdk jdk) {
        AppRun run = run(jdk);
        Database db = db(jdk);

        // the probe (a service in the application's jar) says 16 games and 15 predictions; the runs counted otherwise
        assertThat(db.readiness(2024, 1)).containsEntry("schedule_complete", true)
                .containsEntry("predictions_available", true).containsEntry("games_count", 16)
                .containsEntry("predictions_count", 15);
        assertThat(db.readiness(2024, 2)).containsEntry("predictions_available", false)
                .containsEntry("last_run_id", run.value("track.odds.id"));
        // the inner run ends first, the outer one last
        assertThat(db.readiness(2024, 4)).containsEntry("last_run_id", run.value("track.outer.id"));
        assertThat(db.readiness(2024, 5)).containsEntry("last_run_id", run.value("track.async.id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aFailedRunLeavesReadinessAsItWas(Jdk jdk) {
        AppRun run = run(jdk);
        Database db = db(jdk);

        // week 1 failed after it succeeded: its row is still the success's
        assertThat(db.readiness(2024, 1)).containsEntry("last_run_id", run.value("track.weekly.id"));
        // week 6 only ever failed: no row
        assertThat(db.readiness(2024, 6)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void anUnreachableDatabaseIsLoggedAndTheApplicationRunsAsUsual(Jdk jdk) throws IOException {
        AppRun run = Forked.app(jdk, "app.simple.Main", TestApps.jar("simple", 17))
                .agent(unreachable() + ",jdbc.connection-timeout-ms=250").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("woven.result")).isEqualTo("2");
        assertThat(run.value("programmatic.result")).isEqualTo("3");
        assertThat(run.value("track.inside")).isNotNull().isNotEqualTo("none");
        assertThat(run.value("done")).isEqualTo("true");
        assertThat(run.stderrLines("cannot reach its store")).as(run.toString()).hasSize(1);
        assertThat(run.stderrLines("is spooled in " + run.directory().resolve("spool"))).as(run.toString()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void underFailFastAnUnreachableDatabaseStopsTheTrackedCallBeforeItsBody(Jdk jdk) throws IOException {
        AppRun run = Forked.app(jdk, "app.simple.Main", TestApps.jar("simple", 17))
                .agent(unreachable() + ",jdbc.connection-timeout-ms=250,on-store-failure=fail").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("woven.threw")).isEqualTo("io.batchtrack.TrackingException");
        assertThat(run.value("programmatic.threw")).isEqualTo("io.batchtrack.TrackingException");
        assertThat(run.value("track.inside")).as("the body did not run").isNull();
        assertThat(run.value("done")).isEqualTo("true");
    }

    /** Agent arguments naming a port where nothing listens. */
    private static String unreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            port = s.getLocalPort();
        }
        return "jdbc.url=jdbc:postgresql://127.0.0.1:" + port + "/nfl,jdbc.user=nfl";
    }

    @org.junit.jupiter.api.Test
    void withStatusPortTheAgentServesThePageOfTheApplicationsRunsFromItsJvm() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Database db = new Database(database, "status_port");
        AppRun run = db.configure(Forked.app(Jdk.current(), "app.pgjobs.Main", TestApps.jar("pgjobs", 17))
                .sysprop("pgjobs.status-url", "http://127.0.0.1:" + port + "/api/admin/batch-runs/history?limit=20"),
                "status.port=" + port).run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("status.code")).as(run.toString()).isEqualTo("200");
        assertThat(run.value("status.body")).contains("\"batch_type\":\"weekly_update\"")
                .contains("\"status\":\"failed\"").contains("odds API unavailable: HTTP 503")
                .contains("\"batch_type\":\"roster_refresh\"");
        // the page's template and style sheet are resources, relocated with their classes in the agent jar
        assertThat(run.value("page.code")).as(run.toString()).isEqualTo("200");
        assertThat(run.value("page.body")).contains("<title>System Status</title>")
                .contains("id=\"type-weekly_update\"").contains(".status-failed{");
    }
}
