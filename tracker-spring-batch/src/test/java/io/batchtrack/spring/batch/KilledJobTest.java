package io.batchtrack.spring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.testing.Poll;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Spring Batch JVM killed with SIGKILL in the middle of its job: Spring Batch leaves its execution
 * STARTED for ever (its own recovery is manual), while batchtrack's sweep marks the job's run
 * abandoned once its heartbeat has been silent for the stale limit, keeping its last counters.
 */
@ExtendWith(PostgresExtension.class)
class KilledJobTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void aKilledJobsRunIsMarkedAbandonedWhileSpringBatchsOwnRowStaysStarted(PostgresDatabase db) throws Exception {
        new SpringBatch(db.dataSource()); // Spring Batch's tables
        PostgresRunStore store = PostgresRunStore.builder(db.dataSource()).staleLimit(Duration.ofSeconds(3)).build();
        store.ensureReady(); // batchtrack's tables
        JdbcTemplate sql = new JdbcTemplate(db.dataSource());

        Process job = fork(db, Map.of("heartbeat-interval", "1s", "stale-limit", "3s", "spool.dir", "none"));
        BlockingQueue<String> lines = lines(job);
        String runId;
        try {
            runId = awaitLine(lines, "IN_STEP ", job).substring("IN_STEP ".length());
            Poll.until(LIMIT, () -> sql.queryForObject("SELECT games_processed FROM batch_runs WHERE id = ?::uuid",
                    Long.class, runId) == 7L, "the job's run's first heartbeat (its 7 games written)");
        } finally {
            job.destroyForcibly().waitFor(); // SIGKILL: no listener, no shutdown hook, no last write
        }

        Poll.until(LIMIT, () -> {
            store.sweepAbandoned(); // what every live engine's heartbeat, every store start and `batchtrack sweep` do
            return !"running".equals(sql.queryForObject("SELECT status FROM batch_runs WHERE id = ?::uuid",
                    String.class, runId));
        }, "the killed job's run marked abandoned");

        assertThat(sql.queryForMap("SELECT status, error_type, games_processed, batch_type, week"
                + " FROM batch_runs WHERE id = ?::uuid", runId)).containsEntry("status", "failed")
                .containsEntry("error_type", "abandoned").containsEntry("games_processed", 7L)
                .containsEntry("batch_type", "weekly_update").containsEntry("week", 17);
        assertThat(sql.queryForList("SELECT status FROM batch_job_execution", String.class))
                .as("Spring Batch's own row, untouched").containsExactly("STARTED");
    }

    private static Process fork(PostgresDatabase db, Map<String, String> config) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ForkedJob.class.getName())).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("BATCHTRACK_"));
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        config.forEach((k, v) -> env.put(TrackerConfig.environmentName(k), v));
        return pb.start();
    }

    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException killed) {
                // the process is gone
            }
        }, "forked-job-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix, Process process) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line != null) {
                seen.append(line).append('\n');
            }
        }
        throw new AssertionError("no line '" + prefix + "...' within " + LIMIT + " (alive: " + process.isAlive()
                + "); output:\n" + seen);
    }
}
