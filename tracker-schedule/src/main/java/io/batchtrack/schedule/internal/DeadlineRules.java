package io.batchtrack.schedule.internal;

import io.batchtrack.NflCalendar;
import io.batchtrack.schedule.DeadlineState;
import io.batchtrack.schedule.ReadinessFlag;
import io.batchtrack.schedule.WeekDeadline;
import io.batchtrack.schedule.WeekReadiness;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of readiness deadlines (issue 14, item 4) in one place: which occurrences are deadlines,
 * which weeks an evaluation covers, and each deadline's state. Pure: the rows and the moment are given.
 */
public final class DeadlineRules {
    /**
     * More occurrences than this per deadline in one window are not evaluated (a cron firing every few
     * minutes, not a deadline): the newest are kept, so the newest, which {@code check} judges, stay right.
     */
    public static final int MAX_OCCURRENCES = 500;
    /** How far {@link #next} steps through occurrences before it gives up. */
    private static final int MAX_STEPS = 10_000;

    private DeadlineRules() {}

    /**
     * The first instant of the window of {@code weeks} NFL-calendar weeks ending with the one containing
     * {@code now}: Tuesday 00:00 in New York, {@code weeks - 1} weeks before this week's Tuesday.
     * Calendar weeks, Tuesday to Monday as the league's, so that a preseason week of two calendar weeks
     * counts as two.
     */
    public static Instant windowStart(Instant now, int weeks) {
        return thisWeeksTuesday(now).minusWeeks(weeks - 1L).atStartOfDay(NflCalendar.ZONE).toInstant();
    }

    /** The end of the window: next Tuesday 00:00 in New York (the coming deadlines of this week are in it). */
    public static Instant windowEnd(Instant now) {
        return thisWeeksTuesday(now).plusWeeks(1).atStartOfDay(NflCalendar.ZONE).toInstant();
    }

    private static LocalDate thisWeeksTuesday(Instant now) {
        return now.atZone(NflCalendar.ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
    }

    /**
     * The deadlines in [from, to): the occurrences after {@code declaredAt} that fall in a season
     * (preseason week 0 to the Super Bowl's week; none in the off-season), newest first.
     */
    public static List<Instant> occurrences(CronSchedule schedule, Instant from, Instant to, Instant declaredAt) {
        Instant after = from.minusNanos(1).isAfter(declaredAt) ? from.minusNanos(1) : declaredAt;
        List<Instant> inSeason = new ArrayList<>();
        for (Instant at : schedule.latest(to.minusNanos(1), after, MAX_OCCURRENCES)) {
            if (NflCalendar.inSeason(at)) {
                inSeason.add(at);
            }
        }
        return inSeason;
    }

    /** The first occurrence after {@code now} that is a deadline (in a season), or null. */
    public static Instant next(CronSchedule schedule, Instant now) {
        Instant cursor = now;
        for (int i = 0; i < MAX_STEPS; i++) {
            Instant at = schedule.next(cursor);
            if (at == null) {
                return null;
            }
            if (NflCalendar.inSeason(at)) {
                return at;
            }
            // the off-season: on to the coming preseason's first day, not through every occurrence
            Instant preseason = NflCalendar.weekStart(NflCalendar.periodAt(at)).atStartOfDay(NflCalendar.ZONE)
                    .toInstant().minusNanos(1);
            cursor = preseason.isAfter(at) ? preseason : at;
        }
        return null;
    }

    /**
     * The state of one occurrence: ready when the flag is true and was by the occurrence (or true since a
     * time not recorded, or the occurrence has not come), ready_late when it became true after it,
     * pending while it has not come and the flag is false, late once it has.
     *
     * @param week the week's row, or null when it has none (nothing is ready)
     */
    public static WeekDeadline deadline(Instant occurrence, WeekReadiness week, ReadinessFlag flag, Instant now) {
        io.batchtrack.Period period = NflCalendar.periodAt(occurrence);
        boolean ready = week != null && week.ready(flag);
        Instant readyAt = ready ? week.readyAt(flag) : null;
        DeadlineState state;
        if (ready) {
            state = readyAt == null || !readyAt.isAfter(occurrence) || now.isBefore(occurrence)
                    ? DeadlineState.READY : DeadlineState.READY_LATE;
        } else {
            state = now.isBefore(occurrence) ? DeadlineState.PENDING : DeadlineState.LATE;
        }
        return new WeekDeadline(occurrence, period, state, readyAt);
    }
}
