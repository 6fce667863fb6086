package io.batchtrack.schedule;

import io.batchtrack.NflCalendar;
import io.batchtrack.Period;
import io.batchtrack.schedule.internal.CronSchedule;
import io.batchtrack.schedule.internal.DeadlineRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates readiness deadlines against {@code data_readiness}, at the moment an injected
 * {@link Clock} gives, over the last weeks (the current one included).
 *
 * <p>The rules: each occurrence of a deadline's cron (in its zone, each wall-clock time once across
 * daylight-saving changes, as for expectations) after it was declared and during a season (the NFL
 * calendar's preseason week 0 to the Super Bowl's week) is a deadline for the NFL week containing it.
 * At that moment the week's flag must be true: {@link DeadlineState#PENDING} (not come, not true),
 * {@link DeadlineState#READY} (true by then), {@link DeadlineState#READY_LATE} (true since after it),
 * {@link DeadlineState#LATE} (passed, still not true). "Since when" is the time the readiness refresh
 * first found the flag true (schema version 6); a flag true since before that counts as ready.
 */
public final class DeadlineEvaluator {
    /** The weeks an evaluation covers unless told otherwise: this one and the five before. */
    public static final int DEFAULT_WEEKS = 6;
    /** The most weeks one evaluation covers. */
    public static final int MAX_WEEKS = 26;

    private final ReadinessHistory history;
    private final Clock clock;

    public DeadlineEvaluator(ReadinessHistory history, Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws IllegalArgumentException when {@code weeks} is outside 1..{@link #MAX_WEEKS} */
    public ReadinessReport evaluate(List<ReadinessDeadline> deadlines, int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new IllegalArgumentException("weeks " + weeks + " is outside 1.." + MAX_WEEKS);
        }
        Instant now = clock.instant();
        Instant from = DeadlineRules.windowStart(now, weeks);
        Instant to = DeadlineRules.windowEnd(now);
        Map<Period, WeekReadiness> rows = deadlines.isEmpty() ? Map.of() : rows(from, to);
        List<DeadlineStatus> statuses = new ArrayList<>(deadlines.size());
        for (ReadinessDeadline d : deadlines) {
            statuses.add(status(d, rows, from, to, now));
        }
        return new ReadinessReport(now, from, to, statuses);
    }

    private Map<Period, WeekReadiness> rows(Instant from, Instant to) {
        // January and February belong to the season before; the off-season's week 0 to the next one
        int first = NflCalendar.periodAt(from).seasonYear() - 1;
        int last = Math.max(first, NflCalendar.periodAt(to).seasonYear());
        Map<Period, WeekReadiness> rows = new HashMap<>();
        for (WeekReadiness w : history.weeks(first, last)) {
            rows.put(w.period(), w);
        }
        return rows;
    }

    private static DeadlineStatus status(ReadinessDeadline d, Map<Period, WeekReadiness> rows, Instant from,
            Instant to, Instant now) {
        CronSchedule schedule;
        try {
            schedule = CronSchedule.parse(d.cron(), ZoneId.of(d.zone()));
        } catch (RuntimeException invalid) { // a row written in SQL: reported, not thrown
            return new DeadlineStatus(d, List.of(), null, invalid.getMessage());
        }
        List<WeekDeadline> weeks = new ArrayList<>();
        for (Instant occurrence : DeadlineRules.occurrences(schedule, from, to, d.declaredAt())) {
            weeks.add(DeadlineRules.deadline(occurrence, rows.get(NflCalendar.periodAt(occurrence)), d.flag(), now));
        }
        return new DeadlineStatus(d, weeks, DeadlineRules.next(schedule, now), null);
    }
}
