package io.batchtrack.status;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' own checker of its text format, Debian's {@code promtool} (package {@code prometheus}),
 * as a subprocess bounded in time.
 */
final class Promtool {
    private static final List<String> CANDIDATES = List.of("/usr/bin/promtool", "/usr/local/bin/promtool");
    private static final long TIMEOUT_SECONDS = 30;

    /** What {@code promtool check metrics} said: its exit code and its lines (errors and lint findings). */
    record Check(int exitCode, List<String> findings) {}

    private final Path executable;

    private Promtool(Path executable) {
        this.executable = executable;
    }

    /**
     * promtool, or: under CI (the variable {@code CI} is set, and .ci/run installs it) a failure;
     * elsewhere the test is skipped with how to install it.
     */
    static Promtool require() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String missing = "no promtool at " + CANDIDATES + " or on the PATH (or -Dbatchtrack.test.promtool=...)";
            if (System.getenv("CI") != null) {
                fail(missing + ", but CI is set: .ci/run installs it (apt-get install -y prometheus)");
            }
            Assumptions.abort(missing + "; install it with: sudo apt-get update && sudo apt-get install -y prometheus");
        }
        return new Promtool(found.get());
    }

    private static Optional<Path> find() {
        String configured = System.getProperty("batchtrack.test.promtool");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        List<Path> candidates = new ArrayList<>();
        CANDIDATES.forEach(c -> candidates.add(Path.of(c)));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "promtool"));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** {@code promtool check metrics} of {@code text}, given on its standard input. */
    Check checkMetrics(String text) {
        Process process = null;
        Path output = null;
        try {
            output = Files.createTempFile("batchtrack-promtool-", ".txt");
            process = new ProcessBuilder(executable.toString(), "check", "metrics").redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            try (var in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("promtool did not finish within " + TIMEOUT_SECONDS + " s");
            }
            List<String> findings = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            return new Check(process.exitValue(), findings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
