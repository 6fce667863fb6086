package io.batchtrack.agent.testing;

import io.batchtrack.internal.JsonReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a forked application did. The test applications print {@code key=value} lines: plain keys
 * for what the program computes (identical with and without the agent) and {@code track.} keys for
 * what it saw of tracking. The log store adds one JSON line per finished run on standard error.
 */
public final class AppRun {
    /**
     * HotSpot 17 prints this on standard output whenever a jar is appended to the bootstrap class path
     * while class data sharing is on (as it is by default), for every agent that does so; JDK 25 does not.
     */
    public static final String CDS_NOTICE = "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot"
            + " loader classes because bootstrap classpath has been appended";

    private final int exitCode;
    private final String stdout;
    private final String stderr;
    private final Path dir;
    private final List<Map<String, Object>> runs = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    AppRun(int exitCode, String stdout, String stderr, Path dir) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.dir = dir;
        for (String line : stderr.split("\n")) {
            int at = line.indexOf("{\"batchtrack_run\"");
            if (at >= 0) {
                @SuppressWarnings("unchecked")
                Map<String, Object> run = (Map<String, Object>) JsonReader.parse(line.substring(at).trim());
                runs.add(run);
            }
        }
        for (String line : programLines()) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
    }

    public int exitCode() {
        return exitCode;
    }

    /** The directory the application ran in, with its command line and output. */
    public Path directory() {
        return dir;
    }

    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }

    /** Standard output without the JVM's class-data-sharing notice. */
    public List<String> programLines() {
        List<String> lines = new ArrayList<>();
        for (String line : stdout.replace(CDS_NOTICE, "\n").split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** The lines with what the program computed, in order (no {@code track.} lines). */
    public List<String> results() {
        return programLines().stream().filter(l -> !l.startsWith("track.")).collect(Collectors.toList());
    }

    /** The value the program printed for {@code key}; null if it printed none. */
    public String value(String key) {
        return values.get(key);
    }

    public List<Map<String, Object>> runs() {
        return runs;
    }

    public List<Map<String, Object>> runsOf(String batchType) {
        return runs.stream().filter(r -> batchType.equals(r.get("batch_type"))).collect(Collectors.toList());
    }

    /** The one run of {@code batchType}; fails if there is not exactly one. */
    public Map<String, Object> run(String batchType) {
        List<Map<String, Object>> found = runsOf(batchType);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one run of " + batchType + ", found " + found.size()
                    + "\n" + this);
        }
        return found.get(0);
    }

    /** Standard error lines that contain {@code text}. */
    public List<String> stderrLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            if (line.contains(text)) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " (" + dir + ")\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
