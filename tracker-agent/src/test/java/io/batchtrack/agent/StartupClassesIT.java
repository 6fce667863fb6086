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

    /**
     * {@code enabled=false} links no lambda of batchtrack's before the application's main class: the first
     * lambda a JVM links costs it a dozen spun classes, which the configuration's sources used to be.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void enabledFalseLinksNoLambdaOfBatchtracksBeforeMain(Jdk jdk) throws IOException {
        AppRun off = simple(jdk).agent("store=log,enabled=false").run();

        assertThat(off.exitCode()).as(off.toString()).isZero();
        assertThat(off.runs()).isEmpty();
        List<String> beforeMain = beforeMain(loaded(off));
        assertThat(beforeMain).as(off.toString()).anyMatch(c -> c.contains(" io.batchtrack.agent.BatchtrackAgent "))
                .noneMatch(c -> c.contains(" io.batchtrack.") && c.contains("$$Lambda"));
    }

    /**
     * The check of a tracker-api the application bundles reads its descriptor with a JarFile, not through
     * a jar URL connection (a dozen classes from outside the CDS archive, before main).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theBundledApiCheckOpensNoJarUrlConnection(Jdk jdk) throws IOException {
        Path app = TestApps.withBundledApi(TestApps.jar("simple", 17), "0.0.1-other");

        AppRun run = Forked.app(jdk, "app.simple.Main", app).agent("store=log,enabled=false")
                .jvmOption("-Xlog:class+load=info:file=classes.log").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrLines("batchtrack: the application bundles tracker-api 0.0.1-other")).hasSize(1);
        assertThat(beforeMain(loaded(run))).as(run.toString())
                .noneMatch(c -> c.contains(" sun.net.www.protocol.jar.JarURLConnection ") || c.contains(" java.net.JarURLConnection "));
    }

    private static Forked simple(Jdk jdk) {
        return Forked.app(jdk, "app.simple.Main", TestApps.jar("simple", 17))
                .jvmOption("-Xlog:class+load=info:file=classes.log");
    }

    private static List<String> loaded(AppRun run) throws IOException {
        return Files.readAllLines(run.directory().resolve("classes.log"));
    }

    /** The lines up to the application's main class: what premain loaded (and the JVM before it). */
    private static List<String> beforeMain(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(" app.simple.Main ")) {
                return lines.subList(0, i);
            }
        }
        throw new AssertionError("app.simple.Main never loaded");
    }
}
