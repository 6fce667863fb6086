package io.batchtrack.jdbi.cli;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.jdbi.RunMaintenance;
import io.batchtrack.jdbi.internal.JdbcUrls;
import io.batchtrack.jdbi.internal.Pools;
import io.batchtrack.jdbi.status.StatusServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code batchtrack migrate | status | sweep | purge}: applies or reports the schema migrations,
 * marks runs of dead processes abandoned, deletes old runs — with the same configuration as the
 * tracker ({@code BATCHTRACK_JDBC_URL}, {@code BATCHTRACK_JDBC_USER}, {@code BATCHTRACK_JDBC_PASSWORD}
 * or {@code BATCHTRACK_JDBC_PASSWORD_FILE}, {@code BATCHTRACK_SCHEMA}, or the matching
 * {@code -Dbatchtrack.*} system properties).
 *
 * <pre>
 * BATCHTRACK_JDBC_URL=jdbc:postgresql://db:5432/nfl BATCHTRACK_JDBC_USER=nfl \
 * BATCHTRACK_JDBC_PASSWORD_FILE=/run/secrets/db java -jar tracker-jdbi.jar migrate
 * java -jar tracker-jdbi.jar purge --older-than P90D
 * </pre>
 *
 * Exit status: 0 done, 1 failed, 2 wrong usage.
 */
public final class BatchtrackCli {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: batchtrack <command>",
            "  migrate                       create or upgrade batch_runs and data_readiness (a no-op when up to date)",
            "  status                        print the schema version",
            "  sweep [--stale-limit 90s]     mark running runs without a heartbeat for longer than their stale limit",
            "                                failed / abandoned (rows without a limit of their own: --stale-limit,",
            "                                else the stale-limit key, else 3 x heartbeat-interval)",
            "  purge --older-than P90D [--batch-size 5000]",
            "                                delete finished runs older than that, in batches; data_readiness is kept",
            "  serve                         serve the System Status page and the four endpoints until stopped",
            "                                (status.port, status.bind; token from BATCHTRACK_STATUS_TOKEN)",
            "durations: ISO-8601 (PT90S, P90D) or a number with ms, s, m, h or d",
            "configuration: BATCHTRACK_JDBC_URL, BATCHTRACK_JDBC_USER, BATCHTRACK_JDBC_PASSWORD or",
            "BATCHTRACK_JDBC_PASSWORD_FILE, BATCHTRACK_SCHEMA (default public); or -Dbatchtrack.jdbc.url=... etc.");

    private BatchtrackCli() {}

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, TrackerConfig.fromEnvironment(), System.out, System.err);
        } catch (ConfigException e) {
            System.err.println("batchtrack: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, TrackerConfig config, PrintStream out, PrintStream err) {
        return run(args, config, out, err, BatchtrackCli::untilInterrupted);
    }

    /** Like {@link #run(String[], TrackerConfig, PrintStream, PrintStream)}; {@code serve} serves while {@code serving} runs. */
    static int run(String[] args, TrackerConfig config, PrintStream out, PrintStream err, Runnable serving) {
        String command = args.length == 0 ? "" : args[0];
        boolean help = args.length == 1 && (command.equals("help") || command.equals("--help") || command.equals("-h"));
        Options options;
        try {
            options = help ? null : Options.parse(command, args);
        } catch (IllegalArgumentException e) {
            err.println("batchtrack: " + e.getMessage());
            options = null;
        }
        if (options == null) {
            (help ? out : err).println(USAGE);
            return help ? 0 : 2;
        }
        try {
            config.requireReadableFile();
            String schema = config.get("schema", BatchtrackSchema.DEFAULT_SCHEMA);
            try {
                BatchtrackSchema.requireValidName(schema);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("schema", e.getMessage());
            }
            String url = JdbcUrls.require("jdbc.url", config.require("jdbc.url"));
            int timeout = config.getInt("jdbc.connection-timeout-ms", PostgresRunStore.DEFAULT_CONNECTION_TIMEOUT_MS,
                    250, 600_000);
            Duration staleLimit = options.staleLimit != null ? options.staleLimit : io.batchtrack.config.EngineSettings.staleLimit(config);
            DataSource ds = Pools.unpooled(url, config.get("jdbc.user").orElse(null), config.password().orElse(null),
                    timeout);
            String where = "schema " + schema + " at " + JdbcUrls.redact(url);
            switch (command) {
                case "status": {
                    String version = BatchtrackSchema.currentVersion(ds, schema).orElse(null);
                    out.println(version == null ? where + ": no batchtrack tables (run: batchtrack migrate)"
                            : where + ": version " + version + (version.equals(BatchtrackSchema.latestVersion())
                                    ? " (up to date)" : " (this build knows " + BatchtrackSchema.latestVersion() + ")"));
                    return 0;
                }
                case "sweep": {
                    requireUpToDate(ds, schema);
                    List<UUID> swept = RunMaintenance.create(ds, schema).sweepAbandoned(staleLimit);
                    out.println(where + ": marked " + swept.size() + " run(s) abandoned" + (swept.isEmpty() ? ""
                            : ": " + swept));
                    return 0;
                }
                case "purge": {
                    requireUpToDate(ds, schema);
                    long deleted = RunMaintenance.create(ds, schema).purge(options.olderThan, options.batchSize);
                    out.println(where + ": deleted " + deleted + " finished run(s) older than " + options.olderThanAsGiven
                            + " (data_readiness kept)");
                    return 0;
                }
                case "serve": {
                    requireUpToDate(ds, schema);
                    BatchRunQueries queries = BatchRunQueries.create(ds, schema);
                    try (StatusServer server = StatusServer.fromConfig(config, queries).orElseThrow(() ->
                            new ConfigException("status.port", "serve needs a port: BATCHTRACK_STATUS_PORT=8080 or"
                                    + " -Dbatchtrack.status.port=8080 (0: any free port)"))) {
                        out.println("batchtrack System Status page for " + where + ": " + server.uri());
                        out.flush();
                        serving.run();
                    }
                    return 0;
                }
                default: {
                    BatchtrackSchema.MigrationResult result = BatchtrackSchema.migrate(ds, schema);
                    out.println(result.changed()
                            ? where + ": applied " + result.migrationsApplied() + " migration(s), now at version "
                                    + result.version()
                            : where + ": already at version " + result.version() + ", nothing to do");
                    return 0;
                }
            }
        } catch (ConfigException | IllegalStateException | IllegalArgumentException e) {
            err.println("batchtrack " + command + " failed: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("batchtrack " + command + " failed: " + Log.describe(e));
            return 1;
        }
    }

    /** Blocks until the process is stopped (the server's threads are daemons). */
    private static void untilInterrupted() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireUpToDate(DataSource ds, String schema) {
        if (!BatchtrackSchema.isUpToDate(ds, schema)) {
            throw new IllegalStateException("schema " + schema + " is not at batchtrack version "
                    + BatchtrackSchema.latestVersion() + ": run batchtrack migrate first");
        }
    }

    /** The options of a command; null if they are not what the command takes. */
    private static final class Options {
        Duration staleLimit;
        Duration olderThan;
        String olderThanAsGiven;
        int batchSize = RunMaintenance.DEFAULT_PURGE_BATCH;

        /** @throws IllegalArgumentException naming the option that is wrong */
        static Options parse(String command, String[] args) {
            Options o = new Options();
            switch (command) {
                case "migrate":
                case "status":
                case "serve":
                    return args.length == 1 ? o : null;
                case "sweep":
                case "purge":
                    break;
                default:
                    return null;
            }
            for (int i = 1; i < args.length; i += 2) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[i + 1];
                try {
                    switch (command + " " + option) {
                        case "sweep --stale-limit": o.staleLimit = positive(option, value); break;
                        case "purge --older-than":
                            o.olderThan = positive(option, value);
                            o.olderThanAsGiven = value;
                            break;
                        case "purge --batch-size": o.batchSize = Integer.parseInt(value); break;
                        default: throw new IllegalArgumentException(command + " has no option " + option);
                    }
                } catch (ConfigException e) {
                    throw new IllegalArgumentException(option + " '" + value + "' is not a duration (PT90S, P90D, 90s)");
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + " '" + value + "' is not a whole number");
                }
            }
            if (command.equals("purge") && o.olderThan == null) {
                throw new IllegalArgumentException("purge needs --older-than, for example --older-than P90D");
            }
            if (o.batchSize < 1 || o.batchSize > 100_000) {
                throw new IllegalArgumentException("--batch-size " + o.batchSize + " is outside 1..100000");
            }
            return o;
        }

        private static Duration positive(String option, String value) {
            Duration d = TrackerConfig.parseDuration(option, value);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(option + " " + value + " is not a positive duration");
            }
            return d;
        }
    }
}
