package io.batchtrack.cli;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code batchtrack watch} in a JVM of its own, with this JVM's class path, configured through the environment. */
final class ForkedWatcher implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private ForkedWatcher(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "forked-watcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ForkedWatcher start(PostgresDatabase db, Map<String, String> config) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                BatchtrackCli.class.getName(), "watch");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("BATCHTRACK_"));
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        if (db.password() != null) {
            env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        }
        config.forEach((k, v) -> env.put(k.startsWith("BATCHTRACK_") ? k : TrackerConfig.environmentName(k), v));
        try {
            return new ForkedWatcher(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Whether it printed its start line (it watches from then on). */
    boolean watching() {
        return output().contains("batchtrack watch for ");
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** SIGKILL: no shutdown hook, no finally block, no last write. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
