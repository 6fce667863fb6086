package io.batchtrack;

import java.util.Objects;

/**
 * One NFL week: the key of {@code data_readiness} and the period of every run.
 *
 * @param seasonYear the year the season starts in (the 2025 season's Super Bowl is played in 2026)
 * @param week the week within the season type, see {@link SeasonType}
 * @param seasonType preseason, regular season or postseason
 */
public record Period(int seasonYear, int week, SeasonType seasonType) {

    /** The first season year accepted: the league's first season. */
    public static final int FIRST_SEASON_YEAR = 1920;
    /** The last season year accepted; anything later is taken for a typo. */
    public static final int LAST_SEASON_YEAR = 2100;

    /**
     * @throws IllegalArgumentException if the year is outside 1920–2100, the season type is null,
     *     or the week is outside its season type's range
     */
    public Period {
        if (seasonYear < FIRST_SEASON_YEAR || seasonYear > LAST_SEASON_YEAR) {
            throw new IllegalArgumentException("season year " + seasonYear + " is implausible: expected "
                    + FIRST_SEASON_YEAR + ".." + LAST_SEASON_YEAR);
        }
        Objects.requireNonNull(seasonType, "season type must not be null");
        if (week < seasonType.firstWeek() || week > seasonType.lastWeek()) {
            throw new IllegalArgumentException("week " + week + " is outside the " + seasonType.code()
                    + " season's range " + seasonType.firstWeek() + ".." + seasonType.lastWeek());
        }
    }

    /** A regular-season week. */
    public static Period regular(int seasonYear, int week) {
        return new Period(seasonYear, week, SeasonType.REG);
    }

    public static Period of(int seasonYear, int week, SeasonType seasonType) {
        return new Period(seasonYear, week, seasonType);
    }

    @Override
    public String toString() {
        return seasonYear + "/" + seasonType.code() + "/" + week;
    }
}
