package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppPerJdk;
import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Database;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.KotlinApps;
import io.batchtrack.agent.testing.LoadTimeWeaving;
import io.batchtrack.testsupport.PostgresExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kotlin suspend functions through AspectJ rather than the agent: SuspendFunctionIT's application
 * (real kotlinc output, kotlin-stdlib and kotlinx-coroutines) under {@code -javaagent:aspectjweaver.jar}
 * with the aspect's ltw jar and its {@code aop.xml}, no batchtrack agent. The same rows: one run per
 * real call spanning every suspension, none for the resumptions, the period from the real call,
 * {@code Tracker.current()} on every dispatcher thread. One application run per JDK.
 */
@ExtendWith(PostgresExtension.class)
class AspectSuspendFunctionIT {
    private static final AppPerJdk APP = new AppPerJdk("aspect_suspend", (db, jdk) -> {
        Path[] libs = KotlinApps.libraries();
        return LoadTimeWeaving.app(jdk, db, "app.suspending.MainKt", KotlinApps.jar("suspending"), libs[0], libs[1])
                .sysprop("batchtrack.trigger", "aspect_it").run();
    });

    @BeforeAll
    static void database(io.batchtrack.testsupport.PostgresDatabase db) {
        APP.use(db);
    }

    static Iterable<Jdk> jdks() {
        return Jdk.all();
    }

    private static Database db(Jdk jdk) {
        return APP.db(jdk);
    }

    private static List<Map<String, Object>> rows(Jdk jdk, String batchType) {
        return db(jdk).rows("SELECT * FROM {schema}.batch_runs WHERE batch_type = ?", batchType);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aSuspendFunctionThatSuspendsAcrossDispatchersAndThrowsIsOneFailedRunOfItsRealWeek(Jdk jdk) {
        AppRun run = APP.run(jdk);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("failing.threw")).isEqualTo("feed down");
        List<Map<String, Object>> rows = rows(jdk, "suspend_failing");
        assertThat(rows).as(run.toString()).hasSize(1);
        assertThat(rows.get(0)).containsEntry("status", "failed").containsEntry("season_year", 2024)
                .containsEntry("week", 7).containsEntry("error_message", "feed down")
                .containsEntry("triggered_by", "aspect_it");
        assertThat((String) rows.get(0).get("error_type")).contains("IllegalStateException");
        assertThat(((Number) rows.get(0).get("duration_ms")).longValue()).isGreaterThanOrEqualTo(300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aSuspendFunctionThatReturnsAfterSuspendingIsOneSuccessfulRunWithItsCountersFromEveryDispatcher(Jdk jdk) {
        AppRun run = APP.run(jdk);

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
    void theResumptionsOpenNoRunsAndNoRunIsLeftOpen(Jdk jdk) {
        AppRun run = APP.run(jdk);

        assertThat(run.value("done")).as(run.toString()).isEqualTo("true");
        // failing, counted, direct, outer, inner and the 1,000 concurrent ones: one row per real call
        assertThat(db(jdk).rows("SELECT batch_type, count(*) AS n FROM {schema}.batch_runs GROUP BY batch_type"
                + " ORDER BY batch_type")).as(run.toString()).containsExactly(
                Map.of("batch_type", "suspend_counted", "n", 1L), Map.of("batch_type", "suspend_direct", "n", 1L),
                Map.of("batch_type", "suspend_failing", "n", 1L), Map.of("batch_type", "suspend_inner", "n", 1L),
                Map.of("batch_type", "suspend_many", "n", 1000L), Map.of("batch_type", "suspend_outer", "n", 1L));
        assertThat(db(jdk).rows("SELECT id FROM {schema}.batch_runs WHERE status <> 'success'"
                + " AND batch_type <> 'suspend_failing'")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aTrackedSuspendFunctionCalledFromAnotherAfterASuspensionIsItsChildRun(Jdk jdk) {
        AppRun run = APP.run(jdk);

        assertThat(run.value("outer.result")).as(run.toString()).isEqualTo("inner in outer");
        Map<String, Object> outer = rows(jdk, "suspend_outer").get(0);
        List<Map<String, Object>> inner = rows(jdk, "suspend_inner");
        assertThat(inner).hasSize(1);
        assertThat(inner.get(0).get("parent_run_id")).hasToString(outer.get("id").toString());
        assertThat(outer).containsEntry("status", "success").containsEntry("week", 10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aThousandConcurrentCoroutinesOnTwoThreadsEachCountOnlyIntoTheirOwnRun(Jdk jdk) {
        AppRun run = APP.run(jdk);

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
}
