package io.batchtrack.cli.internal;

import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.DataReadiness;
import io.batchtrack.status.RowJson;
import java.util.List;
import java.util.Optional;

/**
 * {@code readiness}: one week's {@code data_readiness} row, the current NFL week's
 * ({@code --current}) or a given one ({@code --season N --week N [--season-type reg]}).
 */
final class ReadinessVerb {
    static final String CURRENT = "--current";
    static final String SEASON = "--season";
    static final String WEEK = "--week";
    static final String SEASON_TYPE = "--season-type";
    static final String JSON = "--json";

    private static final List<String> COLUMNS = List.of("period", "schedule_complete", "predictions_available",
            "games_count", "predictions_count", "updated_at", "last_run_id");

    private ReadinessVerb() {}

    static int readiness(Invocation in) {
        Options o = in.options();
        requireOneWeek(o);
        Period week = o.has(CURRENT) ? null : week(o);
        BatchRunQueries queries = in.database().queries();
        Period period = week != null ? week : queries.currentWeek();
        Optional<DataReadiness> row = queries.readiness(period);
        if (o.has(JSON)) {
            row.ifPresent(d -> in.out().println(RowJson.readiness(d)));
        } else if (row.isEmpty()) {
            in.out().println("no data_readiness row for season_year " + period.seasonYear() + ", week "
                    + period.week() + ", season_type " + period.seasonType().code());
        } else {
            DataReadiness d = row.get();
            TextTable table = new TextTable(COLUMNS);
            table.add(List.of(Cells.period(d.period()), Cells.yesNo(d.scheduleComplete()),
                    Cells.yesNo(d.predictionsAvailable()), Integer.toString(d.gamesCount()),
                    Integer.toString(d.predictionsCount()), Cells.time(d.updatedAt()),
                    d.lastRunId() == null ? "" : d.lastRunId().toString()));
            table.print(in.out());
        }
        return 0;
    }

    /** The week of {@code --season --week [--season-type]}; refuses a mix with {@code --current}. */
    private static Period week(Options o) {
        if (!o.has(SEASON) || !o.has(WEEK)) {
            if (!o.has(SEASON) && !o.has(WEEK) && !o.has(SEASON_TYPE)) {
                throw new UsageException("readiness needs --current, or --season and --week (for example"
                        + " --season 2025 --week 17)");
            }
            throw new UsageException("readiness needs both --season and --week (or --current)");
        }
        SeasonType type = o.has(SEASON_TYPE) ? o.get(SEASON_TYPE, SeasonType.class) : SeasonType.REG;
        int week = o.integer(WEEK);
        if (week < type.firstWeek() || week > type.lastWeek()) {
            throw new UsageException("--week " + week + " is outside " + type.firstWeek() + ".." + type.lastWeek()
                    + " for --season-type " + type.code());
        }
        return new Period(o.integer(SEASON), week, type);
    }

    /** {@code --current} takes no week. */
    private static void requireOneWeek(Options o) {
        if (o.has(CURRENT) && (o.has(SEASON) || o.has(WEEK) || o.has(SEASON_TYPE))) {
            throw new UsageException("readiness takes either --current or --season/--week/--season-type, not both");
        }
    }
}
