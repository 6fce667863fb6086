package io.batchtrack.jdbi.cli;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.jdbi.internal.JdbcUrls;
import io.batchtrack.jdbi.internal.Pools;
import java.io.PrintStream;
import javax.sql.DataSource;

/**
 * {@code batchtrack migrate | status}: applies or reports the schema migrations, with the same
 * configuration as the tracker ({@code BATCHTRACK_JDBC_URL}, {@code BATCHTRACK_JDBC_USER},
 * {@code BATCHTRACK_JDBC_PASSWORD} or {@code BATCHTRACK_JDBC_PASSWORD_FILE}, {@code BATCHTRACK_SCHEMA},
 * or the matching {@code -Dbatchtrack.*} system properties).
 *
 * <pre>
 * BATCHTRACK_JDBC_URL=jdbc:postgresql://db:5432/nfl BATCHTRACK_JDBC_USER=nfl \
 * BATCHTRACK_JDBC_PASSWORD_FILE=/run/secrets/db java -jar tracker-jdbi.jar migrate
 * </pre>
 *
 * Exit status: 0 done, 1 failed, 2 wrong usage.
 */
public final class BatchtrackCli {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: batchtrack <command>",
            "  migrate   create or upgrade batch_runs and data_readiness (a no-op when up to date)",
            "  status    print the schema version",
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
        if (args.length != 1 || !(args[0].equals("migrate") || args[0].equals("status"))) {
            boolean help = args.length == 1 && (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h"));
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
            DataSource ds = Pools.unpooled(url, config.get("jdbc.user").orElse(null), config.password().orElse(null),
                    timeout);
            String where = "schema " + schema + " at " + JdbcUrls.redact(url);
            if (args[0].equals("status")) {
                String version = BatchtrackSchema.currentVersion(ds, schema).orElse(null);
                out.println(version == null ? where + ": no batchtrack tables (run: batchtrack migrate)"
                        : where + ": version " + version + (version.equals(BatchtrackSchema.latestVersion())
                                ? " (up to date)" : " (this build knows " + BatchtrackSchema.latestVersion() + ")"));
                return 0;
            }
            BatchtrackSchema.MigrationResult result = BatchtrackSchema.migrate(ds, schema);
            out.println(result.changed()
                    ? where + ": applied " + result.migrationsApplied() + " migration(s), now at version " + result.version()
                    : where + ": already at version " + result.version() + ", nothing to do");
            return 0;
        } catch (ConfigException | IllegalStateException e) {
            err.println("batchtrack " + args[0] + " failed: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("batchtrack " + args[0] + " failed: " + Log.describe(e));
            return 1;
        }
    }
}
