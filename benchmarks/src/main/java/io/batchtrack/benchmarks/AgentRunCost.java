package io.batchtrack.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.batchtrack.jdbi.PostgresRunStore;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 13's per-run target, as a user pays for it: a no-op {@code @TrackedBatch} run through the Java
 * agent with {@code store=jdbc}, against the floor (one INSERT and one UPDATE over plain JDBC) in the
 * same forked JVM, interleaved run by run ({@link AgentRunLoop}), once with durable commits and once
 * with {@code synchronous_commit} (and fsync) off. One embedded PostgreSQL per setting, migrated by the
 * store before the fork.
 *
 * <p>Run from the benchmarks folder after run-jmh.sh has copied the agent jar to
 * {@code target/agent/tracker-agent.jar}: {@code benchmarks/run-jmh.sh agent-run}. Arguments: rounds
 * and runs per round (default 10 × 300). {@code AGENT_RUN_JVM_OPTIONS} adds options to the forked JVM
 * (a JFR recording, say).
 */
public final class AgentRunCost {
    private static final Pattern RESULT = Pattern.compile(
            "RESULT (\\w+) median_us=([\\d.]+) p90_us=([\\d.]+) cpu_us=([\\d.]+) runs=(\\d+)");

    private AgentRunCost() {}

    public static void main(String[] args) throws Exception {
        String rounds = args.length > 0 ? args[0] : "10";
        String perRound = args.length > 1 ? args[1] : "300";
        Path agent = Path.of("target/agent/tracker-agent.jar");
        if (!Files.isRegularFile(agent)) {
            throw new IllegalStateException("no " + agent.toAbsolutePath() + ": run benchmarks/run-jmh.sh agent-run");
        }
        List<String> table = new ArrayList<>();
        table.add("| commits | floor median | tracked median | ratio | floor p90 | tracked p90 | floor CPU/run"
                + " | tracked CPU/run | runs each |");
        table.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (boolean durable : new boolean[] {true, false}) {
            try (Pg pg = Pg.start(durable)) {
                System.out.println("# " + pg.describe());
                try (HikariDataSource pool = pg.pool(); PostgresRunStore store = PostgresRunStore.builder(pool).build()) {
                    store.ensureReady();
                }
                Map<String, double[]> r = fork(agent, pg.url(), rounds, perRound);
                double[] f = r.get("floor");
                double[] t = r.get("tracked");
                table.add(String.format("| %s | %.0f µs | %.0f µs | **%.2f×** | %.0f µs | %.0f µs | %.0f µs | %.0f µs | %.0f |",
                        durable ? "durable (fsync, synchronous_commit on)" : "synchronous_commit, fsync off",
                        f[0], t[0], t[0] / f[0], f[1], t[1], f[2], t[2], f[3]));
            }
        }
        System.out.println();
        table.forEach(System.out::println);
    }

    /** Runs {@link AgentRunLoop} under the agent; per variant: median, p90, CPU per run (µs), runs. */
    private static Map<String, double[]> fork(Path agent, String url, String rounds, String perRound) throws Exception {
        Path spool = Files.createTempDirectory("batchtrack-bench-spool-");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent, "-Dbatchtrack.jdbc.url=" + url, "-Dbatchtrack.jdbc.user=postgres",
                "-Dbatchtrack.trigger=manual", "-Dbatchtrack.spool.dir=" + spool, "-Dbatchtrack.cache.enabled=false"));
        String extra = System.getenv("AGENT_RUN_JVM_OPTIONS"); // e.g. -XX:StartFlightRecording=filename=run.jfr
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", childClassPath(), AgentRunLoop.class.getName(), url, rounds, perRound));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, double[]> results = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("  | " + line);
                Matcher m = RESULT.matcher(line);
                if (m.matches()) {
                    results.put(m.group(1), new double[] {Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))});
                }
            }
        }
        if (p.waitFor() != 0 || results.size() != 2) {
            throw new IllegalStateException("the forked JVM failed (exit " + p.exitValue() + "); its output is above");
        }
        return results;
    }

    /**
     * The benchmarks' classes and what the floor needs (HikariCP, the PostgreSQL driver, SLF4J), and
     * no batchtrack store or aspect: the agent brings its own, as it does for an application.
     */
    private static String childClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (entry.endsWith("classes") || name.startsWith("HikariCP") || name.startsWith("postgresql")
                    || name.startsWith("slf4j") || name.startsWith("tracker-api")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
