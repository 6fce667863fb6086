package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The application's own SLF4J MDC carries the current run, on the run's thread and on a pool worker
 * that inherited it, and no longer once the run has ended (src/test/apps/mdc, whose Logback pattern
 * prints the MDC). The application's own MDC entries are left alone.
 */
class MdcIT {

    static Iterable<Jdk> jdks() {
        return Jdk.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void logLinesInsideARunNameItAndLinesAfterItDoNot(Jdk jdk) {
        Path[] libraries = {TestApps.appLibrary("slf4j-api", "batchtrack.test.slf4j-version"),
            TestApps.appLibrary("logback-classic", "batchtrack.test.logback-version"),
            TestApps.appLibrary("logback-core", "batchtrack.test.logback-version")};
        Path app = TestApps.jar("mdc", 17, libraries);

        AppRun run = Forked.app(jdk, "app.mdc.Main", app, libraries[0], libraries[1], libraries[2])
                .agent("store=log").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String id = run.value("track.run");
        assertThat(id).isEqualTo(run.run("mdc_job").get("batchtrack_run"));
        assertThat(run.programLines()).filteredOn(l -> l.startsWith("log ")).containsExactly(
                "log [main] before run=none type=none app=mdc",
                "log [main] inside run=" + id + " type=mdc_job app=mdc",
                "log [worker] worker inside run=" + id + " type=mdc_job app=none",
                "log [main] after run=none type=none app=mdc",
                "log [worker] worker after run=none type=none app=none");
    }
}
