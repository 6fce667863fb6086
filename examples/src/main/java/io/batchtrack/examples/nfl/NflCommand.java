package io.batchtrack.examples.nfl;

import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import java.util.EnumSet;
import java.util.Set;

/**
 * A parsed command line of {@link NflCli}.
 *
 * @param command {@code weekly-update}, {@code predictions} or {@code roster-refresh}
 * @param mode the weekly update's mode ({@code full} unless given); null for the other commands
 * @param period the week; the current NFL week where the line leaves the season or week out
 * @param failSteps steps to fail on purpose
 */
public record NflCommand(String command, String mode, Period period, Set<Step> failSteps) {
    public static final String WEEKLY_UPDATE = "weekly-update";
    public static final String PREDICTIONS = "predictions";
    public static final String ROSTER_REFRESH = "roster-refresh";
    private static final Set<String> OPTIONS = Set.of("--mode", "--season", "--week", "--season-type", "--fail-step");

    public static final String USAGE = """
            usage: nfl-batch <command> [options]

            commands:
              weekly-update    schedule, game logs and odds of a week (the seed's update_weekly.py)
              predictions      predictions for the week's games; existing ones are never regenerated
              roster-refresh   onboard the players added to rosters

            options:
              --mode MODE           weekly-update only: full (default), odds_only, ingest_only, schedule_only
              --season YEAR         season year, e.g. 2024 (default: the current NFL season)
              --week N              week within the season type (default: the current NFL week)
              --season-type TYPE    pre, reg (default) or post
              --fail-step STEP      make a step fail as if its API were down: schedule, game_logs, odds,
                                    predictions, roster (repeatable, or comma-separated)
              --help                this text

            database: batchtrack.jdbc.url / BATCHTRACK_JDBC_URL, batchtrack.jdbc.user / BATCHTRACK_JDBC_USER,
            password in BATCHTRACK_JDBC_PASSWORD. Runs are recorded when the JVM has -javaagent:tracker-agent.jar.
            """;

    /** A command line that cannot be run; the message says why. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * @param current the week to use where the line names none
     * @throws UsageException for an unknown command or option, a missing or malformed value, or {@code --help}
     */
    public static NflCommand parse(String[] args, Period current) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String command = args[0];
        if (command.equals("--help") || command.equals("-h")) {
            throw new UsageException(null);
        }
        if (!command.equals(WEEKLY_UPDATE) && !command.equals(PREDICTIONS) && !command.equals(ROSTER_REFRESH)) {
            throw new UsageException("unknown command '" + command + "'");
        }
        String mode = null;
        Integer season = null;
        Integer week = null;
        SeasonType type = null;
        Set<Step> fail = EnumSet.noneOf(Step.class);
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new UsageException(null);
            }
            if (!OPTIONS.contains(option)) {
                throw new UsageException("unknown option '" + option + "'");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--mode" -> {
                    if (!command.equals(WEEKLY_UPDATE)) {
                        throw new UsageException("--mode applies to weekly-update only");
                    }
                    mode = parse(option, value, v -> WeeklyMode.fromCode(v).code());
                }
                case "--season" -> season = parse(option, value, Integer::parseInt);
                case "--week" -> week = parse(option, value, Integer::parseInt);
                case "--season-type" -> type = parse(option, value, SeasonType::fromCode);
                case "--fail-step" -> {
                    for (String step : value.split(",")) {
                        fail.add(parse(option, step.trim(), Step::fromCode));
                    }
                }
                default -> throw new UsageException("unknown option '" + option + "'");
            }
        }
        Period period;
        try {
            period = Period.of(season != null ? season : current.seasonYear(), week != null ? week : current.week(),
                    type != null ? type : week != null ? SeasonType.REG : current.seasonType());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (command.equals(WEEKLY_UPDATE) && mode == null) {
            mode = WeeklyMode.FULL.code();
        }
        return new NflCommand(command, mode, period, fail);
    }

    private interface Parser<T> {
        T parse(String value);
    }

    private static <T> T parse(String option, String value, Parser<T> parser) throws UsageException {
        try {
            return parser.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + value + ": "
                    + (e instanceof NumberFormatException ? "not a number" : e.getMessage()));
        }
    }
}
