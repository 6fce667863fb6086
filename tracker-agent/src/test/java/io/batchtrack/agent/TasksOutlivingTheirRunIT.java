package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tasks that outlive the run they were submitted in (src/test/apps/leftovers): a periodic task
 * scheduled inside a start-up run carries that run only while it is open, and fork/join tasks that
 * never execute keep neither their run nor their class loader.
 */
class TasksOutlivingTheirRunIT {

    static Iterable<Jdk> jdks() {
        return Jdk.all();
    }

    private static Path[] libraries() {
        return new Path[] {TestApps.appLibrary("slf4j-api", "batchtrack.test.slf4j-version"),
            TestApps.appLibrary("logback-classic", "batchtrack.test.logback-version"),
            TestApps.appLibrary("logback-core", "batchtrack.test.logback-version")};
    }

    private static AppRun run(Jdk jdk, String main) {
        Path[] libs = libraries();
        AppRun run = Forked.app(jdk, main, TestApps.jar("leftovers", 17, libs), libs[0], libs[1], libs[2])
                .agent("store=log").run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("done")).as(run.toString()).isEqualTo("true");
        return run;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aPeriodicTaskCarriesItsStartUpRunOnlyWhileThatRunIsOpen(Jdk jdk) {
        AppRun run = run(jdk, "app.leftovers.Periodic");
        String startup = (String) run.run("startup").get("batchtrack_run");

        assertThat(run.value("track.in-run.current")).as(run.toString()).isEqualTo(startup);
        assertThat(run.value("track.in-run.mdc")).isEqualTo(startup);
        assertThat(run.value("track.after.current")).as(run.toString()).isEqualTo("none");
        assertThat(run.value("track.after.mdc")).isEqualTo("null");
        List<Map<String, Object>> ticks = run.runsOf("tick");
        assertThat(ticks).filteredOn(t -> ((Map<?, ?>) t.get("metrics")).containsKey("in_run"))
                .isNotEmpty().allMatch(t -> startup.equals(t.get("parent_run_id")));
        assertThat(ticks).filteredOn(t -> ((Map<?, ?>) t.get("metrics")).containsKey("after"))
                .hasSizeGreaterThanOrEqualTo(2).allMatch(t -> t.get("parent_run_id") == null);
        assertThat(run.value("startup.collected")).as("the ended start-up run is not kept").isEqualTo("true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void forkJoinTasksThatNeverRunPinNeitherTheirRunNorTheirClassLoader(Jdk jdk) {
        AppRun run = run(jdk, "app.leftovers.NeverRun");

        assertThat(run.value("idle.ran")).as(run.toString()).isNull();
        assertThat(((Map<?, ?>) run.run("never_run").get("metrics")).get("queued")).isEqualTo(3L);
        assertThat(run.value("loader.collected")).as(run.toString()).isEqualTo("true");
        assertThat(run.value("run.collected")).as(run.toString()).isEqualTo("true");
    }
}
