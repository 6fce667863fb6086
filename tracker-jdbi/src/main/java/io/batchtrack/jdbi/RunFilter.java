package io.batchtrack.jdbi;

import io.batchtrack.Period;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.internal.Names;
import java.util.Objects;

/**
 * Which runs {@link BatchRunQueries#history(RunFilter)} returns, newest first. Immutable; each
 * {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * RunFilter.newest(50).batchType("weekly_update").status(RunStatus.FAILED).seasonYear(2025)
 * }</pre>
 *
 * @param batchType only this batch type, or null for all
 * @param status only this status, or null for all
 * @param seasonYear only this season, or null for all
 * @param week only this week number, or null for all
 * @param seasonType only this part of the season, or null for all
 * @param limit at most this many runs, 1..1000
 */
public record RunFilter(String batchType, RunStatus status, Integer seasonYear, Integer week, SeasonType seasonType,
        int limit) {
    /** The largest page a history query returns. */
    public static final int MAX_LIMIT = 1_000;

    /** @throws IllegalArgumentException naming the parameter that is out of range */
    public RunFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is outside 1.." + MAX_LIMIT);
        }
        if (batchType != null) {
            Names.requireName("batch type", batchType);
        }
        if (seasonYear != null && (seasonYear < Period.FIRST_SEASON_YEAR || seasonYear > Period.LAST_SEASON_YEAR)) {
            throw new IllegalArgumentException("seasonYear " + seasonYear + " is outside " + Period.FIRST_SEASON_YEAR
                    + ".." + Period.LAST_SEASON_YEAR);
        }
        if (week != null && (week < 0 || week > SeasonType.REG.lastWeek())) {
            throw new IllegalArgumentException("week " + week + " is outside 0.." + SeasonType.REG.lastWeek());
        }
    }

    /** The newest {@code limit} runs, no other filter. */
    public static RunFilter newest(int limit) {
        return new RunFilter(null, null, null, null, null, limit);
    }

    public RunFilter batchType(String type) {
        return new RunFilter(Objects.requireNonNull(type, "batch type"), status, seasonYear, week, seasonType, limit);
    }

    public RunFilter status(RunStatus only) {
        return new RunFilter(batchType, Objects.requireNonNull(only, "status"), seasonYear, week, seasonType, limit);
    }

    public RunFilter seasonYear(int year) {
        return new RunFilter(batchType, status, year, week, seasonType, limit);
    }

    public RunFilter week(int number) {
        return new RunFilter(batchType, status, seasonYear, number, seasonType, limit);
    }

    public RunFilter seasonType(SeasonType type) {
        return new RunFilter(batchType, status, seasonYear, week, Objects.requireNonNull(type, "season type"), limit);
    }

    /** Only the runs of {@code period}. */
    public RunFilter period(Period period) {
        return new RunFilter(batchType, status, period.seasonYear(), period.week(), period.seasonType(), limit);
    }

    public RunFilter limit(int max) {
        return new RunFilter(batchType, status, seasonYear, week, seasonType, max);
    }
}
