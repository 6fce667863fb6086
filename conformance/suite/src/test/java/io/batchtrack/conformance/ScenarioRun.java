package io.batchtrack.conformance;

import io.batchtrack.testsupport.PostgresDatabase;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One execution of the scenario program through one front door, in a JVM of its own, recording into
 * the front door's schema of a test database; then what it printed and the rows it left.
 *
 * <p>The child's environment is this one's without {@code BATCHTRACK_*}, {@code CI},
 * {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS}, so that no setting of a developer's or CI's
 * reaches it; the configuration is given as the documentation says: {@code -Dbatchtrack.*} system
 * properties, the password in {@code BATCHTRACK_JDBC_PASSWORD}.
 */
final class ScenarioRun {
    static final String MAIN = "io.batchtrack.conformance.scenarios.Scenarios";
    private static final long TIMEOUT_SECONDS = 180;
    /** HotSpot 17 prints this on standard output when an agent appends to the bootstrap class path. */
    private static final String CDS_NOTICE = "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot"
            + " loader classes because bootstrap classpath has been appended";

    private final FrontDoor door;
    private final int exitCode;
    private final String stdout;
    private final String stderr;
    private final Path dir;
    private final long millis;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Rows rows;

    private ScenarioRun(FrontDoor door, int exitCode, String stdout, String stderr, Path dir, long millis, Rows rows) {
        this.door = door;
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.dir = dir;
        this.millis = millis;
        this.rows = rows;
        for (String line : lines()) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
    }

    static ScenarioRun fork(FrontDoor door, PostgresDatabase db) {
        Path dir = Layout.work().resolve(door.schema());
        try {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(door.jvmOptions());
            command.add("-Dbatchtrack.jdbc.url=" + db.jdbcUrl());
            command.add("-Dbatchtrack.jdbc.user=" + db.user());
            command.add("-Dbatchtrack.schema=" + door.schema());
            command.add("-cp");
            command.add(door.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            command.add(MAIN);
            command.add(door.jobs());
            Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");

            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("BATCHTRACK_") || k.equals("CI")
                    || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
            if (!db.password().isEmpty()) {
                pb.environment().put("BATCHTRACK_JDBC_PASSWORD", db.password());
            }
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(door + ": the scenario program did not end within " + TIMEOUT_SECONDS
                        + " s; see " + dir);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new ScenarioRun(door, p.exitValue(), Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8), dir, millis,
                    Rows.read(db.dataSource(), door.schema()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    FrontDoor door() {
        return door;
    }

    int exitCode() {
        return exitCode;
    }

    String stderr() {
        return stderr;
    }

    long millis() {
        return millis;
    }

    /** What the program printed, without the JVM's class-data-sharing notice. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (String line : stdout.replace(CDS_NOTICE, "\n").split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** The lines that must be the same for every front door: all but the {@code track.} lines (run ids). */
    List<String> observations() {
        return lines().stream().filter(l -> !l.startsWith("track.")).collect(Collectors.toList());
    }

    /** The value the program printed for {@code key}, or null. */
    String value(String key) {
        return values.get(key);
    }

    Rows rows() {
        return rows;
    }

    /** The one {@code batch_runs} row of {@code batchType}; fails unless there is exactly one. */
    Map<String, String> run(String batchType) {
        List<Map<String, String>> found = runsOf(batchType);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one run of " + batchType + ", found " + found.size()
                    + "\n" + this);
        }
        return found.get(0);
    }

    List<Map<String, String>> runsOf(String batchType) {
        return rows.runs().stream().filter(r -> batchType.equals(r.get("batch_type"))).collect(Collectors.toList());
    }

    /** The {@code data_readiness} row of a regular-season week of 2025, if any. */
    Optional<Map<String, String>> readiness(int week) {
        return rows.readiness().stream().filter(r -> "2025".equals(r.get("season_year"))
                && "reg".equals(r.get("season_type")) && Integer.toString(week).equals(r.get("week"))).findFirst();
    }

    @Override
    public String toString() {
        return door + ": exit " + exitCode + " after " + millis + " ms (" + dir + ")\n--- stdout\n" + stdout
                + "--- stderr\n" + stderr + "--- batch_runs\n" + rows.runs().stream().map(Object::toString)
                .collect(Collectors.joining("\n"));
    }
}
