package io.batchtrack;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The NFL calendar: which week an instant belongs to — the seed's {@code get_current_nfl_week()}.
 *
 * <p>Rules, on US Eastern dates. NFL weeks run Tuesday to Monday. The regular season opens on the
 * Thursday after Labor Day (the first Monday of September), so its week 1 starts the Tuesday
 * before; it has 18 weeks since 2021 (17 before). The postseason follows: week 1 wild card,
 * 2 divisional, 3 conference championships, and week 4 covers the open week and the Super Bowl
 * (it ends the Monday after it). The preseason fills the five weeks before week 1: week 0 is the
 * Hall of Fame game's week; since 2021 week 3 runs up to the opener (before 2021 there was a
 * week 4). Between the Super Bowl and the next preseason, the current week is the next season's
 * preseason week 0: off-season work prepares that season.
 */
public final class NflCalendar {
    /** The league's dates are Eastern dates. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** The first season with 18 regular-season weeks and three preseason weeks. */
    public static final int EIGHTEEN_WEEK_SEASONS_SINCE = 2021;

    private static final int PRESEASON_DAYS = 35;
    private static final int POSTSEASON_DAYS = 35;

    private NflCalendar() {}

    /** The current NFL week by the system clock. */
    public static Period current() {
        return current(Clock.systemUTC());
    }

    /** The current NFL week by {@code clock}. */
    public static Period current(Clock clock) {
        return periodAt(clock.instant());
    }

    /** The NFL week that {@code instant} falls in (next season's preseason week 0 in the off-season). */
    public static Period periodAt(Instant instant) {
        LocalDate date = instant.atZone(ZONE).toLocalDate();
        int season = date.getYear();
        if (date.isBefore(preseasonStart(season))) {
            season--;
            if (!date.isBefore(postseasonEnd(season))) {
                return new Period(season + 1, 0, SeasonType.PRE);
            }
        }
        LocalDate reg = regularSeasonStart(season);
        long days = ChronoUnit.DAYS.between(reg, date);
        if (days < 0) {
            int lastPre = regularSeasonWeeks(season) == 18 ? 3 : 4;
            int week = (int) Math.min(lastPre, (days + PRESEASON_DAYS) / 7);
            return new Period(season, week, SeasonType.PRE);
        }
        int regWeeks = regularSeasonWeeks(season);
        if (days < regWeeks * 7L) {
            return new Period(season, (int) (days / 7) + 1, SeasonType.REG);
        }
        long postDays = days - regWeeks * 7L;
        return new Period(season, (int) Math.min(4, postDays / 7 + 1), SeasonType.POST);
    }

    /** Whether {@code instant} is in a season (preseason through Super Bowl week) rather than the off-season. */
    public static boolean inSeason(Instant instant) {
        LocalDate date = instant.atZone(ZONE).toLocalDate();
        int season = date.getYear();
        return !date.isBefore(preseasonStart(season)) || date.isBefore(postseasonEnd(season - 1));
    }

    /** The regular-season opener: the Thursday after Labor Day of {@code seasonYear}. */
    public static LocalDate kickoff(int seasonYear) {
        LocalDate laborDay = LocalDate.of(seasonYear, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        return laborDay.plusDays(3);
    }

    /** 18 since 2021, 17 before. */
    public static int regularSeasonWeeks(int seasonYear) {
        return seasonYear >= EIGHTEEN_WEEK_SEASONS_SINCE ? 18 : 17;
    }

    /** The Tuesday that starts {@code period}'s week. */
    public static LocalDate weekStart(Period period) {
        LocalDate reg = regularSeasonStart(period.seasonYear());
        switch (period.seasonType()) {
            case PRE: return reg.minusDays(PRESEASON_DAYS).plusWeeks(period.week());
            case REG: return reg.plusWeeks(period.week() - 1L);
            default: return reg.plusWeeks(regularSeasonWeeks(period.seasonYear()) + period.week() - 1L);
        }
    }

    private static LocalDate regularSeasonStart(int seasonYear) {
        return kickoff(seasonYear).minusDays(2);
    }

    private static LocalDate preseasonStart(int seasonYear) {
        return regularSeasonStart(seasonYear).minusDays(PRESEASON_DAYS);
    }

    /** The day after postseason week 4 (the Tuesday after the Super Bowl). */
    private static LocalDate postseasonEnd(int seasonYear) {
        return regularSeasonStart(seasonYear).plusWeeks(regularSeasonWeeks(seasonYear)).plusDays(POSTSEASON_DAYS);
    }
}
