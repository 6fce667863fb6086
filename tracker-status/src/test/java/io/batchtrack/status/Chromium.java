package io.batchtrack.status;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless chromium, run as a subprocess with a fresh profile and no network of its own:
 * {@code --dump-dom} gives the DOM after the page loaded, {@code --screenshot} what it looks like.
 * Each call is bounded in time; the browser and its children are killed afterwards whatever happens.
 */
final class Chromium {
    /** Where to look, in order, unless {@code -Dbatchtrack.test.chromium=/path} says. */
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
    private static final long TIMEOUT_SECONDS = 60;

    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    /**
     * The browser, or: under CI (the variable {@code CI} is set, and .ci/run installs chromium) a
     * failure; elsewhere the test is skipped with how to install it.
     */
    static Chromium require() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String missing = "no chromium at " + CANDIDATES + " or on the PATH (or -Dbatchtrack.test.chromium=...)";
            if (System.getenv("CI") != null) {
                fail(missing + ", but CI is set: .ci/run installs it (apt-get install -y chromium)");
            }
            Assumptions.abort(missing + "; install it with: sudo apt-get update && sudo apt-get install -y chromium");
        }
        return new Chromium(found.get());
    }

    private static Optional<Path> find() {
        String configured = System.getProperty("batchtrack.test.chromium");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        List<Path> candidates = new ArrayList<>();
        CANDIDATES.forEach(c -> candidates.add(Path.of(c)));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "chromium"));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** The DOM of {@code uri} after it loaded, as chromium serialises it. */
    String dumpDom(URI uri) {
        return run(List.of("--dump-dom", uri.toString()), null);
    }

    /** Saves a PNG of {@code uri} as rendered at 1280×2000. */
    void screenshot(URI uri, Path png) {
        run(List.of("--window-size=1280,2000", "--screenshot=" + png.toAbsolutePath(), uri.toString()), png);
    }

    private String run(List<String> arguments, Path expectedFile) {
        Path profile = null;
        Process process = null;
        try {
            profile = Files.createTempDirectory("batchtrack-chromium-");
            Path out = profile.resolve("stdout.txt");
            Path err = profile.resolve("stderr.txt");
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                    "--user-data-dir=" + profile.resolve("profile")));
            command.addAll(arguments);
            process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .directory(profile.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("chromium did not finish within " + TIMEOUT_SECONDS + " s; stderr:\n" + tail(err));
            }
            if (process.exitValue() != 0 || (expectedFile != null && !Files.exists(expectedFile))) {
                fail("chromium exited with " + process.exitValue() + "; stderr:\n" + tail(err));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            deleteTree(profile);
        }
    }

    private static String tail(Path file) throws IOException {
        String s = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        return s.length() > 4_000 ? s.substring(s.length() - 4_000) : s;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
