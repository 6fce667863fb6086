package io.batchtrack.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Boot application with the starter and the batchtrack agent attached ({@code -javaagent:} the built
 * tracker-agent jar, in a JVM of its own): the Spring advisor stands down, so each call is still exactly
 * one run; and a self-invocation, which a proxy never sees, is woven by the agent and tracked.
 */
@ExtendWith(PostgresExtension.class)
class SpringAgentIT {
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void with_the_agent_attached_each_call_is_one_run(PostgresDatabase db) throws Exception {
        Path agentJar = Path.of(System.getProperty("batchtrack.test.agent-jar"));
        assertThat(agentJar).as("the built agent jar").exists();
        Path dir = Files.createDirectories(Path.of(System.getProperty("batchtrack.test.work", "target/agent-it"))
                .resolve("agent-" + System.nanoTime()));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar, "-cp", System.getProperty("java.class.path"), AgentBootApp.class.getName(),
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--spring.main.banner-mode=off"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("BATCHTRACK_") || k.equals("CI")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().put("BATCHTRACK_CACHE_DIR", dir.resolve("weave-cache").toString());
        pb.environment().put("BATCHTRACK_SPOOL_DIR", "none");
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the application did not end within " + TIMEOUT_SECONDS + " s; see " + dir);
        }
        String stdout = read(dir.resolve("stdout.txt"));
        assertThat(p.exitValue()).as("exit code; stderr: %s", read(dir.resolve("stderr.txt"))).isZero();

        assertThat(read(dir.resolve("stderr.txt")) + stdout).as("the starter builds the engine: the agent's warm-up"
                + " does not judge jdbc.url missing").doesNotContain("'jdbc.url': is required", "batches run untracked");
        assertThat(stdout).as("the agent weaves, the advisor stands down")
                .contains("RESULT agent=true proxied=false bodies=3");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE status = 'success')"
                        + " FROM batch_runs WHERE batch_type = 'weekly_update'")) {
            r.next();
            assertThat(r.getLong(1)).as("two calls and one self-invocation: three runs, each once").isEqualTo(3);
            assertThat(r.getLong(2)).isEqualTo(3);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
