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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The api jar that the agent puts on the bootstrap class path: extracted into the shared temporary
 * directory owner-only, and compared with a copy the application bundles.
 */
class BootstrapApiIT {
    private static final String MISMATCH = "batchtrack: the application bundles tracker-api ";

    @Test
    void theExtractedApiJarIsReadableByItsOwnerOnlyWhileTheProgramRuns() throws IOException {
        Path tmp = Files.createDirectories(TestApps.work().resolve("tmpdir-" + System.nanoTime()));

        AppRun run = Forked.app(Jdk.current(), "app.tmpfiles.Main", TestApps.jar("tmpfiles", 17)).agent("store=log")
                .sysprop("java.io.tmpdir", tmp.toString()).run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("job.result")).isEqualTo("tracked");
        List<String> jars = run.programLines().stream().filter(l -> l.startsWith("tmp.batchtrack-api-"))
                .collect(Collectors.toList());
        assertThat(jars).as(run.toString()).hasSize(1);
        assertThat(jars.get(0)).endsWith(".jar=rw-------");
    }

    @Test
    void aBundledApiOfAnotherVersionIsNamedWithTheAgentsInOneWarningLine() {
        Path app = TestApps.withBundledApi(TestApps.jar("simple", 17), "0.0.1-other");

        AppRun run = Forked.app(Jdk.current(), "app.simple.Main", app).agent("store=log").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.run("simple_job")).containsEntry("status", "success");
        List<String> lines = run.stderrLines(MISMATCH);
        assertThat(lines).as(run.toString()).hasSize(1);
        assertThat(lines.get(0)).contains("tracker-api 0.0.1-other (file:").contains(app.getFileName().toString() + ")")
                .contains("the agent's tracker-api " + TestApps.apiVersion())
                .contains("NoSuchMethodError");
    }

    @Test
    void aBundledApiOfAnotherVersionIsNamedWhenTheAgentIsOffToo() {
        Path app = TestApps.withBundledApi(TestApps.jar("simple", 17), "0.0.1-other");

        AppRun run = Forked.app(Jdk.current(), "app.simple.Main", app).agent("store=log,enabled=false").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrLines(MISMATCH)).as(run.toString()).hasSize(1);
    }

    @Test
    void aBundledApiOfTheSameVersionOrNoneIsNotReported() {
        Path same = TestApps.withBundledApi(TestApps.jar("simple", 17), TestApps.apiVersion());

        for (Path app : List.of(same, TestApps.jar("simple", 17))) {
            AppRun run = Forked.app(Jdk.current(), "app.simple.Main", app).agent("store=log").run();

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.run("simple_job")).containsEntry("status", "success");
            assertThat(run.stderr()).as(run.toString()).doesNotContain(MISMATCH);
        }
    }
}
