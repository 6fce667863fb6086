package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppPerJdk;
import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Database;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.KotlinApps;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kotlin suspend functions under the agent (src/test/kotlin-apps/app/suspending, real kotlinc output
 * run with kotlin-stdlib and kotlinx-coroutines): one run per real call, from the call to the
 * function's result or exception, however often it suspends and on whichever dispatcher it resumes;
 * the resumptions (the state machine calling the function again with dummy arguments) open no runs.
 * One application run per JDK, in a schema per JDK.
 */
@ExtendWith(PostgresExtension.class)
class SuspendFunctionIT {
    private static final AppPerJdk APP = new AppPerJdk("suspend", (db, jdk) -> {
        Path[] libs = KotlinApps.libraries();
        return db.configure(Forked.app(jdk, "app.suspending.MainKt", KotlinApps.jar("suspending"), libs[0], libs[1]),
                "trigger=agent_it").run();
    });

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

    private static List<Map<String, Object>> rows(Jdk jdk, String batchType) {
        return db(jdk).rows("SELECT * FROM {schema}.batch_runs WHERE batch_type = ?", batchType);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aSuspendFunctionThatSuspendsAcrossDispatchersAndThrowsIsOneFailedRunOfItsRealWeek(Jdk jdk) {
        AppRun run = run(jdk);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("failing.threw")).isEqualTo("feed down");
        List<Map<String, Object>> rows = rows(jdk, "suspend_failing");
        assertThat(rows).as(run.toString()).hasSize(1);
        assertThat(rows.get(0)).containsEntry("status", "failed").containsEntry("season_year", 2024)
                .containsEntry("week", 7).containsEntry("error_message", "feed down");
        assertThat((String) rows.get(0).get("error_type")).contains("IllegalStateException");
        assertThat(((Number) rows.get(0).get("duration_ms")).longValue()).isGreaterThanOrEqualTo(300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aSuspendFunctionThatReturnsAfterSuspendingIsOneSuccessfulRunWithItsCounters(Jdk jdk) {
        AppRun run = run(jdk);

        assertThat(run.value("counted.result")).as(run.toString()).isEqualTo("week 8 done");
        List<Map<String, Object>> rows = rows(jdk, "suspend_counted");
        assertThat(rows).as(run.toString()).hasSize(1);
        assertThat(rows.get(0)).containsEntry("status", "success").containsEntry("week", 8)
                .containsEntry("games_processed", 16L).containsEntry("api_calls_made", 3L)
                .containsEntry("odds_synced", 4L);
        assertThat(run.value("counted.io.thread")).contains("DefaultDispatcher-worker");
        assertThat(((Number) rows.get(0).get("duration_ms")).longValue()).isGreaterThanOrEqualTo(150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aSuspendFunctionThatNeverSuspendsIsOneRunEndedAtItsReturn(Jdk jdk) {
        AppRun run = run(jdk);

        assertThat(run.value("direct.result")).as(run.toString()).isEqualTo("18");
        List<Map<String, Object>> rows = rows(jdk, "suspend_direct");
        assertThat(rows).as(run.toString()).hasSize(1);
        assertThat(rows.get(0)).containsEntry("status", "success").containsEntry("week", 9)
                .containsEntry("games_processed", 2L);
        assertThat(db(jdk).rows("SELECT 1 FROM {schema}.batch_runs WHERE status = 'running'")).isEmpty();
        assertThat(run.value("done")).isEqualTo("true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aTrackedSuspendFunctionCalledFromAnotherAfterASuspensionIsItsChildRun(Jdk jdk) {
        AppRun run = run(jdk);

        assertThat(run.value("outer.result")).as(run.toString()).isEqualTo("inner in outer");
        Map<String, Object> outer = rows(jdk, "suspend_outer").get(0);
        List<Map<String, Object>> inner = rows(jdk, "suspend_inner");
        assertThat(inner).hasSize(1);
        assertThat(inner.get(0).get("parent_run_id")).hasToString(outer.get("id").toString());
        assertThat(run.value("inner.id")).isEqualTo(inner.get(0).get("id").toString());
        assertThat(outer).containsEntry("status", "success").containsEntry("week", 10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aThousandConcurrentCoroutinesOnTwoThreadsEachCountOnlyIntoTheirOwnRun(Jdk jdk) {
        AppRun run = run(jdk);

        assertThat(run.value("many.leaks")).as(run.toString()).isEqualTo("0");
        assertThat(run.value("after.current")).isEqualTo("false");
        List<Map<String, Object>> rows = rows(jdk, "suspend_many");
        assertThat(rows).hasSize(1000);
        for (Map<String, Object> row : rows) {
            long n = Long.parseLong(((String) row.get("batch_mode")).substring(1));
            assertThat(row).as("run of mode %s", row.get("batch_mode")).containsEntry("status", "success")
                    .containsEntry("games_processed", 3 * n).containsEntry("week", 11);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void withTheStandardLibraryAloneASuspendFunctionIsStillOneRunEndedByItsException(Jdk jdk) {
        Database db = new Database(database, "stdlib" + jdk.feature());
        AppRun run = db.configure(Forked.app(jdk, "app.stdlib.MainKt", KotlinApps.jar("stdlib"), KotlinApps.stdlib()),
                "trigger=agent_it").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("failing.threw")).isEqualTo("feed down");
        List<Map<String, Object>> rows = db.rows("SELECT * FROM {schema}.batch_runs");
        assertThat(rows).as(run.toString()).hasSize(1);
        assertThat(rows.get(0)).containsEntry("batch_type", "stdlib_failing").containsEntry("status", "failed")
                .containsEntry("week", 5).containsEntry("error_message", "feed down");
        assertThat(((Number) rows.get(0).get("duration_ms")).longValue()).isGreaterThanOrEqualTo(200);
        assertThat(run.stderrLines("WARNING")).as(run.toString()).isEmpty();
    }
}
