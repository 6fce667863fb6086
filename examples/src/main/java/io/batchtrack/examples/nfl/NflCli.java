package io.batchtrack.examples.nfl;

import io.batchtrack.NflCalendar;
import io.batchtrack.Warning;
import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.examples.nfl.db.ConnectionSource;
import io.batchtrack.examples.nfl.db.NflSchema;
import io.batchtrack.examples.nfl.feed.SampleFeed;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/**
 * The command line of the NFL example:
 *
 * <pre>
 * java -javaagent:tracker-agent.jar -cp ... io.batchtrack.examples.nfl.NflCli weekly-update --mode full --season 2024 --week 1
 * java ... NflCli predictions --season 2024 --week 1
 * java ... NflCli roster-refresh --season 2024 --week 1
 * java ... NflCli weekly-update --mode odds_only --season 2024 --week 1 --fail-step odds
 * </pre>
 *
 * Exit status: 0 when the batch returned (success or partial), 1 when it threw, 2 for a bad command
 * line or configuration.
 */
public final class NflCli {
    public static final int OK = 0;
    public static final int BATCH_FAILED = 1;
    public static final int USAGE = 2;

    private NflCli() {}

    public static void main(String[] args) {
        System.exit(run(args, TrackerConfig.fromEnvironment(), System.out, System.err));
    }

    /** Runs one command and returns the exit status; never calls {@link System#exit}. */
    public static int run(String[] args, TrackerConfig config, PrintStream out, PrintStream err) {
        NflCommand cmd;
        try {
            cmd = NflCommand.parse(args, NflCalendar.current());
        } catch (NflCommand.UsageException e) {
            if (e.getMessage() == null) {
                out.print(NflCommand.USAGE);
                return OK;
            }
            err.println("nfl-batch: " + e.getMessage());
            err.print(NflCommand.USAGE);
            return USAGE;
        }
        ConnectionSource db;
        try {
            db = ConnectionSource.fromConfig(config);
        } catch (ConfigException e) {
            err.println("nfl-batch: " + e.getMessage());
            return USAGE;
        }
        try {
            NflSchema.create(db);
            NflPipeline pipeline = new NflPipeline(db, new SampleFeed(), cmd.failSteps());
            var p = cmd.period();
            switch (cmd.command()) {
                case NflCommand.WEEKLY_UPDATE -> {
                    WeeklyUpdateResult r = pipeline.weeklyUpdate(cmd.mode(), p.seasonYear(), p.week(), p.seasonType());
                    report(out, r.summary(), r.warnings(), r.runId());
                }
                case NflCommand.PREDICTIONS -> {
                    PredictionResult r = pipeline.generatePredictions(p.seasonYear(), p.week(), p.seasonType());
                    report(out, r.summary(), r.warnings(), r.runId());
                }
                default -> {
                    RosterResult r = pipeline.refreshRosters(p.seasonYear(), p.week(), p.seasonType());
                    report(out, r.summary(), List.of(), r.runId());
                }
            }
            return OK;
        } catch (Exception e) {
            err.println("nfl-batch: " + cmd.command() + " failed: " + e);
            return BATCH_FAILED;
        }
    }

    private static void report(PrintStream out, String summary, List<Warning> warnings, UUID runId) {
        out.println(summary);
        for (Warning w : warnings) {
            out.println("  warning [" + w.stage() + "] " + w.message());
        }
        out.println(runId != null ? "  recorded as batch run " + runId
                : "  not recorded: start the JVM with -javaagent:tracker-agent.jar to track this run");
    }
}
