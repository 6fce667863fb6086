package io.batchtrack.schedule;

import io.batchtrack.RunStatus;
import io.batchtrack.schedule.internal.CronSchedule;
import io.batchtrack.schedule.internal.OverdueRule;
import io.batchtrack.schedule.internal.SlotRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates expectations against the runs, at the moment an injected {@link Clock} gives: every
 * slot's state and every overdue run, in one pass. Reads only what {@link RunHistory} returns (the
 * database), never the batch JVMs: a batch that never started is noticed all the same.
 *
 * <p>The rules: each cron occurrence after the expectation was declared is a slot, due at
 * occurrence + grace. A run belongs to the slot whose occurrence is the latest at or before the
 * run's start, counting a run started up to {@link SlotRules#EARLY_TOLERANCE} (5 minutes; a quarter
 * of the interval for schedules more frequent than every 20 minutes) early as that occurrence's: a
 * slot opens that long before its occurrence. Skipped runs belong to no slot. An expectation without a mode counts runs of
 * every mode of its type; one with a mode only that mode's. A running run is overdue past its
 * expectation's maximum duration (the mode's expectation before the type's), otherwise past
 * {@link OverdueRule#RULE} (at least {@link OverdueRule#MIN_SAMPLES}).
 */
public final class ScheduleEvaluator {
    /** Slots per expectation an evaluation covers, newest first. */
    public static final int SLOTS = 10;

    private final RunHistory history;
    private final Clock clock;

    public ScheduleEvaluator(RunHistory history, Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ScheduleReport evaluate(List<Expectation> expectations) {
        Instant now = clock.instant();
        List<ExpectationStatus> statuses = new ArrayList<>(expectations.size());
        for (Expectation e : expectations) {
            statuses.add(status(e, now));
        }
        return new ScheduleReport(now, statuses, overdue(expectations, history.running(), now));
    }

    /**
     * Which of {@code running} are overdue at the clock's moment, by the same rule as
     * {@link #evaluate}: the runs a caller already holds (a page of history), without the slots.
     */
    public List<OverdueRun> overdue(List<Expectation> expectations, List<ObservedRun> running) {
        return overdue(expectations, running, clock.instant());
    }

    private ExpectationStatus status(Expectation e, Instant now) {
        CronSchedule schedule;
        try {
            schedule = CronSchedule.parse(e.cron(), ZoneId.of(e.zone()));
        } catch (RuntimeException invalid) { // a row written in SQL: reported, not thrown
            return new ExpectationStatus(e, List.of(), null, invalid.getMessage());
        }
        List<Instant> occurrences = open(schedule.latest(now.plus(SlotRules.EARLY_TOLERANCE), e.declaredAt(),
                SLOTS + 2), now);
        List<Slot> slots = List.of();
        if (!occurrences.isEmpty()) {
            Instant oldest = occurrences.get(occurrences.size() - 1);
            List<ObservedRun> runs = history.runs(e.batchType(), e.mode(), oldest.minus(SlotRules.EARLY_TOLERANCE), now);
            slots = SlotRules.slots(occurrences, e.grace(), runs, now);
        }
        return new ExpectationStatus(e, slots, nextDue(schedule, slots, e.grace(), now), null);
    }

    /**
     * The slots open at {@code now}: those whose occurrence minus its early tolerance has come (a
     * run started a little early belongs to the coming occurrence at once), at most {@link #SLOTS}.
     */
    private static List<Instant> open(List<Instant> candidates, Instant now) {
        List<Duration> tolerances = SlotRules.tolerances(candidates);
        List<Instant> open = new ArrayList<>();
        for (int i = 0; i < candidates.size() && open.size() < SLOTS; i++) {
            if (!candidates.get(i).minus(tolerances.get(i)).isAfter(now)) {
                open.add(candidates.get(i));
            }
        }
        return open;
    }

    /** The earliest due time after now: a pending slot's, or the next occurrence's. */
    private static Instant nextDue(CronSchedule schedule, List<Slot> slots, Duration grace, Instant now) {
        Instant next = schedule.next(now);
        Instant due = next == null ? null : next.plus(grace);
        for (Slot s : slots) {
            if (s.due().isAfter(now) && (due == null || s.due().isBefore(due))) {
                due = s.due();
            }
        }
        return due;
    }

    private List<OverdueRun> overdue(List<Expectation> expectations, List<ObservedRun> running, Instant now) {
        List<OverdueRun> overdue = new ArrayList<>();
        Map<String, Duration> percentileLimits = new HashMap<>();
        for (ObservedRun run : running) {
            if (run.status() != RunStatus.RUNNING) {
                continue;
            }
            Duration runningFor = Duration.between(run.startedAt(), now);
            Expectation e = expectationOf(expectations, run);
            Duration limit;
            String rule;
            if (e != null && e.maxDuration() != null) {
                limit = e.maxDuration();
                rule = "max_duration of " + e.name();
            } else {
                String key = run.batchType() + "\u0000" + run.mode();
                limit = percentileLimits.computeIfAbsent(key, k -> OverdueRule.limit(
                        history.successfulDurations(run.batchType(), run.mode(), OverdueRule.WINDOW)));
                rule = OverdueRule.RULE;
            }
            if (limit != null && runningFor.compareTo(limit) > 0) {
                overdue.add(new OverdueRun(run, runningFor, limit, rule));
            }
        }
        return overdue;
    }

    /** The run's mode's expectation, else its type's mode-less one, else null. */
    private static Expectation expectationOf(List<Expectation> expectations, ObservedRun run) {
        Expectation anyMode = null;
        for (Expectation e : expectations) {
            if (e.batchType().equals(run.batchType())) {
                if (e.mode() != null && e.mode().equals(run.mode())) {
                    return e;
                }
                if (e.mode() == null) {
                    anyMode = e;
                }
            }
        }
        return anyMode;
    }
}
