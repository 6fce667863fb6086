package io.batchtrack.cli;

import io.batchtrack.cli.internal.Command;
import io.batchtrack.cli.internal.Commands;
import io.batchtrack.cli.internal.Invocations;
import io.batchtrack.cli.internal.Usage;
import io.batchtrack.cli.internal.UsageException;
import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * {@code batchtrack VERB [options]}: the operator's command line, with the same configuration as
 * the tracker ({@code BATCHTRACK_JDBC_URL}, {@code BATCHTRACK_JDBC_USER}, {@code BATCHTRACK_JDBC_PASSWORD}
 * or {@code BATCHTRACK_JDBC_PASSWORD_FILE}, {@code BATCHTRACK_SCHEMA}, or the matching
 * {@code -Dbatchtrack.*} system properties). The verbs and their options are the command table,
 * {@code internal.Commands}; {@code batchtrack help} prints the usage made from it.
 *
 * <pre>
 * BATCHTRACK_JDBC_URL=jdbc:postgresql://db:5432/nfl BATCHTRACK_JDBC_USER=nfl \
 * BATCHTRACK_JDBC_PASSWORD_FILE=/run/secrets/db java -jar tracker-cli.jar migrate
 * java -jar tracker-cli.jar runs --type weekly_update --status failed --limit 5
 * java -jar tracker-agent.jar readiness --season 2025 --week 17     # the agent jar bundles it
 * </pre>
 *
 * Exit status: 0 done, 1 failed (the message says why), 2 wrong usage (the message names the
 * bad value and the rule, then the usage follows).
 */
public final class BatchtrackCli {
    private BatchtrackCli() {}

    public static void main(String[] args) {
        System.exit(run(args, TrackerConfig.fromEnvironment(), System.out, System.err));
    }

    /** Runs one verb as {@code batchtrack}; returns the exit status. */
    public static int run(String[] args, TrackerConfig config, PrintStream out, PrintStream err) {
        return run(Program.BATCHTRACK, args, config, out, err);
    }

    /** Runs one verb as {@code program} (the agent jar passes {@link Program#AGENT}); returns the exit status. */
    public static int run(Program program, String[] args, TrackerConfig config, PrintStream out, PrintStream err) {
        return run(program, args, config, out, err, BatchtrackCli::untilInterrupted);
    }

    /** Like {@link #run(String[], TrackerConfig, PrintStream, PrintStream)}; {@code serve} serves while {@code serving} runs. */
    static int run(String[] args, TrackerConfig config, PrintStream out, PrintStream err, Runnable serving) {
        return run(Program.BATCHTRACK, args, config, out, err, serving);
    }

    /** Like {@link #run(String[], TrackerConfig, PrintStream, PrintStream)}, {@code check} evaluating at {@code clock}. */
    static int run(String[] args, TrackerConfig config, PrintStream out, PrintStream err, Clock clock) {
        return run(Program.BATCHTRACK, args, config, out, err, BatchtrackCli::untilInterrupted, clock);
    }

    private static int run(Program program, String[] args, TrackerConfig config, PrintStream out, PrintStream err,
            Runnable serving) {
        return run(program, args, config, out, err, serving, Clock.systemUTC());
    }

    private static int run(Program program, String[] args, TrackerConfig config, PrintStream out, PrintStream err,
            Runnable serving, Clock clock) {
        if (args.length == 0) {
            err.println(Usage.of(program, Commands.ALL));
            return 2;
        }
        Command command = Commands.named(args[0]);
        if (command == null) {
            return wrongUsage(program, err, "unknown command '" + args[0] + "' (one of " + Commands.names() + ")");
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        try {
            return Invocations.run(command, options, config, out, program, serving, clock);
        } catch (UsageException e) {
            return wrongUsage(program, err, e.getMessage());
        } catch (ConfigException | IllegalStateException | IllegalArgumentException e) {
            err.println("batchtrack " + command.name() + " failed: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("batchtrack " + command.name() + " failed: " + Log.describe(e));
            return 1;
        }
    }

    private static int wrongUsage(Program program, PrintStream err, String message) {
        err.println("batchtrack: " + message);
        err.println(Usage.of(program, Commands.ALL));
        return 2;
    }

    /** Blocks until the process is stopped (the server's threads are daemons). */
    private static void untilInterrupted() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
