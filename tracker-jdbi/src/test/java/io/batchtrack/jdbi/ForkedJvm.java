package io.batchtrack.jdbi;

import io.batchtrack.testsupport.PostgresDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running {@link ForkedBatch} with this test JVM's class path (plain {@code java}, no
 * agent), configured through the environment against a test database; its output lines are
 * collected as they come.
 */
final class ForkedJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final Thread reader;

    private ForkedJvm(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "forked-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ForkedJvm start(PostgresDatabase db, Map<String, String> config, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ForkedBatch.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("BATCHTRACK_"));
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        config.forEach((k, v) -> env.put(io.batchtrack.config.TrackerConfig.environmentName(k), v));
        try {
            return new ForkedJvm(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line that starts with {@code prefix}, waiting at most {@code timeout}; other lines are kept. */
    String awaitLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line;
            try {
                line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (line == null) {
                throw new AssertionError("no line starting with '" + prefix + "' within " + timeout + "; output so far: "
                        + output());
            }
            synchronized (all) {
                all.add(line);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Writes one line to the process's standard input. */
    void send(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to exit, and for its last output line to be read; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("forked JVM still running after " + timeout + "; output: " + output());
        }
        reader.join(timeout.toMillis());
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no finally block, no last write. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Every line read so far. */
    String output() {
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        synchronized (all) {
            all.addAll(rest);
            return String.join("\n", all);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
