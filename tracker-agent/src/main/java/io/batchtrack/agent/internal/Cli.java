package io.batchtrack.agent.internal;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.cli.BatchtrackCli;
import java.io.PrintStream;

/**
 * {@code java -jar tracker-agent.jar COMMAND}: commands that need no application. Runs in a class
 * loader that sees the agent jar and the extracted api jar (see {@code BatchtrackAgent.main}).
 * {@code migrate}, {@code status}, {@code sweep}, {@code purge} and {@code serve} are tracker-jdbi's
 * {@link BatchtrackCli}, bundled, with the
 * configuration the agent reads ({@code -Dbatchtrack.jdbc.url=...}, {@code BATCHTRACK_JDBC_URL}, ...).
 */
public final class Cli {
    private Cli() {}

    /** @return the process exit status */
    public static int run(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "version":
                System.out.println("batchtrack agent " + version());
                return 0;
            case "help":
            case "--help":
                usage(System.out);
                return 0;
            case "migrate":
            case "status":
            case "sweep":
            case "purge":
            case "serve":
                return store(args);
            default:
                System.err.println("unknown command '" + command + "'");
                usage(System.err);
                return 2;
        }
    }

    private static int store(String[] args) {
        try {
            return BatchtrackCli.run(args, TrackerConfig.fromEnvironment(), System.out, System.err);
        } catch (ConfigException e) {
            // a configuration file that cannot be read, for example
            System.err.println("batchtrack: " + e.getMessage());
            return 1;
        }
    }

    static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar tracker-agent.jar COMMAND");
        out.println("  migrate   create or upgrade batch_runs and data_readiness (a no-op when up to date)");
        out.println("  status    print the schema version");
        out.println("  sweep     mark runs whose process died failed / abandoned [--stale-limit 90s]");
        out.println("  purge     delete finished runs older than an age: --older-than P90D [--batch-size 5000]");
        out.println("  serve     serve the System Status page and endpoints until stopped (needs status.port)");
        out.println("  version   print the agent's version");
        out.println("  help      print this text");
        out.println("these read the agent's configuration: BATCHTRACK_JDBC_URL, BATCHTRACK_JDBC_USER,");
        out.println("BATCHTRACK_JDBC_PASSWORD or BATCHTRACK_JDBC_PASSWORD_FILE, BATCHTRACK_SCHEMA (or -Dbatchtrack.jdbc.url=...)");
        out.println("As an agent: java -javaagent:tracker-agent.jar[=key=value,...] -jar your-batch.jar");
    }
}
