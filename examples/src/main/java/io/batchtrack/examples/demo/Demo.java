package io.batchtrack.examples.demo;

import io.batchtrack.examples.nfl.NflCli;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * README's first command: starts PostgreSQL (embedded, unless a JDBC URL is given), applies the
 * tracker's migration, runs the NFL example's batches each in a JVM of its own under
 * {@code -javaagent:tracker-agent.jar}, and prints {@code batch_runs} and {@code data_readiness}.
 * See DEMO-PLAN.md in the examples module.
 *
 * <pre>
 * java -jar examples/target/batchtrack-demo.jar [--agent PATH | --no-agent] [--jdbc-url URL [--jdbc-user USER]]
 *     [--serve [PORT]]
 * </pre>
 *
 * With {@code --serve} the demo then keeps running and serves the System Status page on PORT (8080;
 * 0 for any free port) through the agent jar's {@code serve} command, printing its URL, until stopped.
 *
 * Exit status: 0 when every step ended as planned, 1 when one did not, 2 for a bad command line or
 * a missing agent jar.
 */
public final class Demo {
    /**
     * The migrate command of the agent jar, {@code java -jar tracker-agent.jar migrate}: tracker-jdbi's
     * command, bundled under a relocated name, so it is reached through the jar's own main class.
     */
    static final List<String> MIGRATE = List.of("migrate");
    /** Where a complete agent jar keeps tracker-api (see tracker-agent's ApiJar). */
    static final String NESTED_API = "META-INF/batchtrack/tracker-api.jar";
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);
    static final String TRIGGER = "demo";

    /** One batch of the sequence and the exit status it is meant to end with. */
    record Step(String title, List<String> args, int expectedExit) {}

    static final List<Step> SEQUENCE = List.of(
            new Step("full weekly update of 2024 week 1 (partial: players missing, odds missing)",
                    List.of("weekly-update", "--mode", "full", "--season", "2024", "--week", "1"), NflCli.OK),
            new Step("prediction generation for 2024 week 1",
                    List.of("predictions", "--season", "2024", "--week", "1"), NflCli.OK),
            new Step("odds-only update (partial: two games have no line)",
                    List.of("weekly-update", "--mode", "odds_only", "--season", "2024", "--week", "1"), NflCli.OK),
            new Step("full weekly update while the odds API is down (failed)",
                    List.of("weekly-update", "--mode", "full", "--season", "2024", "--week", "1", "--fail-step", "odds"),
                    NflCli.BATCH_FAILED));

    private Demo() {}

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            err.println(Options.USAGE);
            return 2;
        }
        Path agent = null;
        if (!options.noAgent()) {
            Optional<Path> found = options.agent() != null ? Optional.of(options.agent()) : findAgentJar();
            if (found.isEmpty() || !Files.isRegularFile(found.get())) {
                err.println("demo: no agent jar " + found.map(p -> "at " + p).orElse("under tracker-agent/target")
                        + "; build the whole project first (mvn -B -q -DskipTests package), pass --agent PATH,"
                        + " or --no-agent to run the batches untracked");
                return 2;
            }
            agent = found.get().toAbsolutePath();
        }
        if (options.servePort() != null && agent == null) {
            err.println("demo: --serve needs the agent jar (it serves the page with its serve command)");
            return 2;
        }
        try (DemoDatabase db = DemoDatabase.open(options, out)) {
            int result = runSequence(db, agent, out, err);
            if (options.servePort() != null) {
                serve(db, agent, options.servePort(), out);
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("demo: interrupted");
            return 1;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("demo: " + e);
            return 1;
        }
    }

    private static int runSequence(DemoDatabase db, Path agent, PrintStream out, PrintStream err)
            throws IOException, InterruptedException, SQLException {
        Map<String, String> env = new HashMap<>(db.environment());
        env.put("BATCHTRACK_TRIGGER", TRIGGER);
        ForkedJvm jvm = new ForkedJvm(env, STEP_TIMEOUT, out);
        if (agent != null) {
            out.println("== applying the migration (java -jar " + agent.getFileName() + " migrate)");
            int code = jvm.run(ForkedJvm.jarCommand(agent, MIGRATE));
            if (code != 0) {
                err.println("demo: the migration exited with " + code + "; stopping");
                return 1;
            }
        } else {
            out.println("== no agent (--no-agent): the batches run, but no run is recorded");
        }
        List<String> jvmOptions = new ArrayList<>();
        if (agent != null) {
            jvmOptions.add("-javaagent:" + agent);
        }
        jvmOptions.add("-cp");
        jvmOptions.add(System.getProperty("java.class.path"));
        boolean asPlanned = true;
        for (int i = 0; i < SEQUENCE.size(); i++) {
            Step step = SEQUENCE.get(i);
            out.println();
            out.println("== " + (i + 1) + ". " + step.title());
            out.println("   nfl-batch " + String.join(" ", step.args()));
            int code = jvm.run(ForkedJvm.command(jvmOptions, NflCli.class.getName(), step.args()));
            if (code != step.expectedExit()) {
                err.println("demo: step " + (i + 1) + " exited with " + code + ", expected " + step.expectedExit());
                asPlanned = false;
            }
        }
        try (Connection c = db.connect()) {
            AuditTables.print(c, db.trackerSchema(), out);
        }
        if (agent != null && !ScheduleDemo.run(jvm, agent, db, out)) {
            err.println("demo: the expected schedules did not end as planned (see above)");
            asPlanned = false;
        }
        return asPlanned ? 0 : 1;
    }

    /** Serves the status page of the demo's database until this process is stopped (Ctrl-C). */
    private static void serve(DemoDatabase db, Path agent, int port, PrintStream out)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(db.environment());
        env.put("BATCHTRACK_STATUS_PORT", Integer.toString(port));
        out.println();
        out.println("== serving the System Status page (Ctrl-C to stop)");
        new ForkedJvm(env, Duration.ofDays(365), out).run(ForkedJvm.jarCommand(agent, List.of("serve")));
    }

    /**
     * The agent jar under {@code tracker-agent/target}, searched upwards from here: a jar whose manifest
     * names a {@code Premain-Class} and that holds the nested api jar, other than the shade plugin's
     * {@code original-...jar} (the agent's classes before the store was bundled, with the same manifest).
     */
    static Optional<Path> findAgentJar() {
        Path here;
        try {
            here = Path.of(Demo.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            here = Path.of("").toAbsolutePath();
        }
        return findAgentJar(here);
    }

    /** {@link #findAgentJar()}, searching upwards from {@code here}. */
    static Optional<Path> findAgentJar(Path here) {
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path target = dir.resolve("tracker-agent").resolve("target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> jars = Files.list(target)) {
                    return jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
                            .filter(p -> !p.getFileName().toString().startsWith("original-")).filter(Demo::isAgent)
                            .sorted().findFirst();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isAgent(Path jar) {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.getManifest() != null && f.getManifest().getMainAttributes().getValue("Premain-Class") != null
                    && f.getJarEntry(NESTED_API) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The command line. */
    record Options(Path agent, boolean noAgent, String jdbcUrl, String jdbcUser, Integer servePort) {
        static final String USAGE = "usage: java -jar batchtrack-demo.jar [--agent PATH | --no-agent]"
                + " [--jdbc-url URL [--jdbc-user USER]] [--serve [PORT]]   (password: BATCHTRACK_JDBC_PASSWORD)";
        static final int DEFAULT_PORT = 8080;

        static Options parse(String[] args) {
            Path agent = null;
            boolean noAgent = false;
            String url = null;
            String user = null;
            Integer port = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--no-agent")) {
                    noAgent = true;
                    continue;
                }
                if (a.equals("--serve")) {
                    port = DEFAULT_PORT;
                    if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        port = port(args[++i]);
                    }
                    continue;
                }
                if (!a.equals("--agent") && !a.equals("--jdbc-url") && !a.equals("--jdbc-user")) {
                    throw new IllegalArgumentException("unknown option '" + a + "'");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--agent" -> agent = Path.of(v);
                    case "--jdbc-url" -> url = v;
                    default -> user = v;
                }
            }
            if (agent == null) {
                String property = System.getProperty("batchtrack.demo.agent");
                agent = property == null || property.isBlank() ? null : Path.of(property);
            }
            if (noAgent && agent != null) {
                throw new IllegalArgumentException("--agent and --no-agent exclude each other");
            }
            return new Options(agent, noAgent, url, user, port);
        }

        private static int port(String value) {
            try {
                int p = Integer.parseInt(value);
                if (p >= 0 && p <= 65_535) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--serve port '" + value + "' is not a number in 0..65535");
        }
    }
}
