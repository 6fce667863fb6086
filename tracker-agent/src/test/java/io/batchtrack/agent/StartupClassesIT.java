package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the agent makes a JVM load as it starts, from {@code -Xlog:class+load}: the deterministic side
 * of issue 13's start-up cost, which wall time on a shared machine cannot show. Each test pins one
 * subsystem or kind of class that a start used to load for nothing.
 */
class StartupClassesIT {

    static Iterable<Jdk> jdks() {
        return Jdk.all();
    }

    /** The engine's start used to ask the runtime MXBean for the JVM's start time even when the OS told it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aTrackedRunLoadsNoJavaManagement(Jdk jdk) throws IOException {
        Path cache = Files.createTempDirectory(Files.createDirectories(TestApps.work().resolve("caches")), "startup")
                .resolve("cache");
        simple(jdk).agent("store=log,cache.dir=" + cache).run();

        AppRun warm = simple(jdk).agent("store=log,cache.dir=" + cache).run();

        assertThat(warm.exitCode()).as(warm.toString()).isZero();
        assertThat(warm.run("simple_job")).containsEntry("status", "success");
        assertThat(loaded(warm)).as(warm.toString()).isNotEmpty()
                .noneMatch(c -> c.contains(" java.lang.management.") || c.contains(" sun.management."));
    }

    private static Forked simple(Jdk jdk) {
        return Forked.app(jdk, "app.simple.Main", TestApps.jar("simple", 17))
                .jvmOption("-Xlog:class+load=info:file=classes.log");
    }

    private static List<String> loaded(AppRun run) throws IOException {
        return Files.readAllLines(run.directory().resolve("classes.log"));
    }
}
