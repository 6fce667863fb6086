package io.batchtrack.cli.internal;

import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import io.batchtrack.jdbi.RunFilter;
import java.util.List;

/**
 * The command table: every verb of {@code batchtrack} (and of {@code java -jar tracker-agent.jar}),
 * once, with its usage line, its options and what it runs. The usage text is generated from it.
 * A new verb is one entry here and, if it does more than a few lines, a class of its own beside
 * this one.
 */
public final class Commands {
    private static final String SEASON_RULE = "--season " + Period.FIRST_SEASON_YEAR + ".." + Period.LAST_SEASON_YEAR;

    public static final List<Command> ALL = List.of(
            new Command("migrate", "",
                    List.of("create or upgrade batch_runs and data_readiness (a no-op when up to date)"),
                    List.of(), SchemaVerbs::migrate),
            new Command("status", "", List.of("print the schema version"), List.of(), SchemaVerbs::status),
            new Command("sweep", "[--stale-limit 90s]",
                    List.of("mark running runs without a heartbeat for longer than their stale limit",
                            "failed / abandoned (rows without a limit of their own: --stale-limit,",
                            "else the stale-limit key, else 3 x heartbeat-interval)"),
                    List.of(Option.duration(MaintenanceVerbs.STALE_LIMIT, "90s")), MaintenanceVerbs::sweep),
            new Command("purge", "--older-than P90D [--batch-size 5000]",
                    List.of("delete finished runs the database received longer ago than that",
                            "(recorded_at, the database's clock), in batches; data_readiness is kept"),
                    List.of(Option.duration(MaintenanceVerbs.OLDER_THAN, "P90D"),
                            Option.integer(MaintenanceVerbs.BATCH_SIZE, "5000", 1, 100_000)),
                    MaintenanceVerbs::purge),
            new Command("serve", "",
                    List.of("serve the System Status page and the four endpoints until stopped",
                            "(status.port, status.bind; token from BATCHTRACK_STATUS_TOKEN)"),
                    List.of(), ServeVerb::serve),
            new Command("runs", "[--type T] [--status S] [--season Y] [--week W] [--season-type reg] [--limit 20]"
                    + " [--json]",
                    List.of("the newest runs, newest first, as a table with each run's warnings, error and",
                            "custom metrics under it; --json: one JSON object per line, the endpoints' fields;",
                            "--status running|success|partial|failed|skipped, " + SEASON_RULE + ",",
                            "--week 0.." + SeasonType.REG.lastWeek() + ", --limit 1.." + RunFilter.MAX_LIMIT
                                    + " (default " + RunsVerb.DEFAULT_LIMIT + ")"),
                    List.of(Option.name(RunsVerb.TYPE, "weekly_update"), Option.status(RunsVerb.STATUS),
                            Option.integer(RunsVerb.SEASON, "2025", Period.FIRST_SEASON_YEAR, Period.LAST_SEASON_YEAR),
                            Option.integer(RunsVerb.WEEK, "17", 0, SeasonType.REG.lastWeek()),
                            Option.seasonType(RunsVerb.SEASON_TYPE),
                            Option.integer(RunsVerb.LIMIT, "20", 1, RunFilter.MAX_LIMIT), Option.flag(RunsVerb.JSON)),
                    RunsVerb::runs),
            new Command("readiness", "--current | --season Y --week W [--season-type reg] [--json]",
                    List.of("one week's data_readiness row: the current NFL week's, or the given week's",
                            "(season type reg unless given); --json: the row as one JSON object"),
                    List.of(Option.flag(ReadinessVerb.CURRENT),
                            Option.integer(ReadinessVerb.SEASON, "2025", Period.FIRST_SEASON_YEAR,
                                    Period.LAST_SEASON_YEAR),
                            Option.integer(ReadinessVerb.WEEK, "17", 0, SeasonType.REG.lastWeek()),
                            Option.seasonType(ReadinessVerb.SEASON_TYPE), Option.flag(ReadinessVerb.JSON)),
                    ReadinessVerb::readiness),
            new Command("expect", "TYPE --cron \"0 6 * * 2\" [--zone Z] [--grace 1h] [--mode M] [--max-duration 1h]",
                    List.of("declare (create or replace) when TYPE (or one --mode of it) is expected to run:",
                            "a five-field cron (minute hour day-of-month month day-of-week) read in --zone",
                            "(default America/New_York), due --grace after each occurrence (default 1h);",
                            "expect --list: every expectation with its next due time;",
                            "expect --remove TYPE [--mode M]: delete one (also plain SQL: batch_expectations)"),
                    List.of(Option.positionalName(ExpectVerb.TYPE, "weekly_update"),
                            Option.text(ExpectVerb.CRON, "0 6 * * 2"), Option.text(ExpectVerb.ZONE, "America/New_York"),
                            Option.nonNegativeDuration(ExpectVerb.GRACE, "2h"), Option.name(ExpectVerb.MODE, "full"),
                            Option.duration(ExpectVerb.MAX_DURATION, "1h"), Option.flag(ExpectVerb.LIST),
                            Option.name(ExpectVerb.REMOVE, "weekly_update")),
                    ExpectVerb::expect),
            new Command("expect-ready", "FLAG --cron \"0 12 * * 4\" [--zone Z]",
                    List.of("declare (create or replace) by when each NFL week's data must be ready: FLAG",
                            "schedule (schedule_complete) or predictions (predictions_available), true at",
                            "each occurrence of a five-field cron in --zone (default America/New_York)",
                            "during the season; expect-ready --list: each with its next deadline;",
                            "expect-ready --remove FLAG: delete one (also plain SQL: readiness_deadlines)"),
                    List.of(ExpectReadyVerb.flag(), Option.text(ExpectReadyVerb.CRON, "0 12 * * 4"),
                            Option.text(ExpectReadyVerb.ZONE, "America/New_York"), Option.flag(ExpectReadyVerb.LIST),
                            ExpectReadyVerb.remove()),
                    ExpectReadyVerb::expectReady),
            new Command("check", "",
                    List.of("evaluate every expectation from the database: one problem per line (missed,",
                            "failed, late, overdue, past a readiness deadline); exit status 0 when there is",
                            "none, 1 otherwise"),
                    List.of(), CheckVerb::check),
            new Command("watch", "",
                    List.of("evaluate runs and expectations every watch.interval (default 30s) and send alerts",
                            "(run.failed, slot.missed, ...) to the webhook of BATCHTRACK_ALERTS_WEBHOOK_URL or",
                            "alerts.webhook.url-file, until stopped; any number may run: each alert goes once"),
                    List.of(), WatchVerb::watch),
            new Command("alerts", "[--limit 20] [--test]",
                    List.of("the newest alerts with their delivery state (pending, delivered, undeliverable,",
                            "digested); --test: send one test message and print what the receiver answered"),
                    List.of(Option.integer(AlertsVerb.LIMIT, "20", 1, AlertsVerb.MAX_LIMIT),
                            Option.flag(AlertsVerb.TEST)),
                    AlertsVerb::alerts),
            new Command("version", "", List.of("print the version"), List.of(), Commands::version),
            new Command("help", "", List.of("print this text"), List.of(), Commands::help));

    private Commands() {}

    /** The verb called {@code name} ({@code --help} and {@code -h} are {@code help}), or null. */
    public static Command named(String name) {
        String verb = name.equals("--help") || name.equals("-h") ? "help" : name;
        return ALL.stream().filter(c -> c.name().equals(verb)).findFirst().orElse(null);
    }

    /** The verbs' names, for a message: {@code migrate, status, ...}. */
    public static String names() {
        return String.join(", ", ALL.stream().map(Command::name).toList());
    }

    private static int version(Invocation in) {
        in.out().println(in.program().product() + " " + version());
        return 0;
    }

    private static int help(Invocation in) {
        in.out().println(Usage.of(in.program(), ALL));
        return 0;
    }

    /** The jar's Implementation-Version (the agent jar's, when the agent bundles this module). */
    static String version() {
        String v = Commands.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
