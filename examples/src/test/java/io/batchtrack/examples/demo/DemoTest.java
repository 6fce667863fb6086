package io.batchtrack.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo without the agent (which this module cannot build): it starts its own embedded
 * PostgreSQL, forks the real command line for each step, and reports that nothing was recorded.
 */
class DemoTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Demo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheAgentTheSequenceRunsInForkedJvmsOnItsOwnDatabaseAndEndsAsPlanned() {
        int status = run("--no-agent");

        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
        assertThat(output).contains(
                "== starting an embedded PostgreSQL",
                "  | weekly_update [full] 2024/reg/1: 16 games processed, 64 game logs added, 14 odds synced",
                "  |   warning [game_logs] Skipped 6 players not in database",
                "  | prediction_generation 2024/reg/1: 16 predictions generated (2 without odds), 0 skipped",
                "  | weekly_update [odds_only] 2024/reg/1: 0 games processed, 0 game logs added, 14 odds synced",
                "  | nfl-batch: weekly-update failed: io.batchtrack.examples.nfl.SimulatedOutage: odds API unavailable",
                "== batch_runs",
                "(no such table");
    }

    @Test
    void aMissingAgentJarStopsTheDemoBeforeItStartsAnything(@TempDir Path dir) {
        Path missing = dir.resolve("tracker-agent.jar");

        int status = run("--agent", missing.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no agent jar at " + missing);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void theAgentJarIsFoundUpwardsFromTheDemoAndShadesOriginalJarIsPassedOver(@TempDir Path root) throws IOException {
        Path target = Files.createDirectories(root.resolve("tracker-agent/target"));
        agentJar(target.resolve("original-tracker-agent-0.1.jar"));
        Path agent = agentJar(target.resolve("tracker-agent-0.1.jar"));
        Files.write(target.resolve("tracker-agent-0.1-sources.jar"), new byte[0]);
        Path demoJar = Files.createDirectories(root.resolve("examples/target")).resolve("batchtrack-demo.jar");

        assertThat(Demo.findAgentJar(demoJar)).contains(agent);
        assertThat(Demo.findAgentJar(root.getParent())).isEmpty();
    }

    /** A jar with what marks an agent jar: a Premain-Class and the nested api jar. */
    private static Path agentJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "io.batchtrack.agent.BatchtrackAgent");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(Demo.NESTED_API));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void badOptionsAreRefused() {
        assertThat(run("--agent")).isEqualTo(2);
        assertThat(run("--agent", "a.jar", "--no-agent")).isEqualTo(2);
        assertThat(run("--verbose")).isEqualTo(2);
        assertThat(run("--serve", "eighty")).isEqualTo(2);
        assertThat(run("--no-agent", "--serve")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--agent needs a value",
                "--agent and --no-agent exclude each other", "unknown option '--verbose'",
                "--serve port 'eighty' is not a number in 0..65535", "--serve needs the agent jar");
    }
}
