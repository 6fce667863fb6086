package io.batchtrack.schedule.internal;

import io.batchtrack.NflCalendar;
import io.batchtrack.RunStatus;
import io.batchtrack.schedule.ObservedRun;
import io.batchtrack.schedule.Slot;
import io.batchtrack.schedule.SlotState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Which runs belong to which slot, and each slot's state: the rules of issue 14, item 2, in one
 * place. Pure: the runs, the occurrences and the moment are given.
 */
public final class SlotRules {
    /**
     * A run started up to this long before an occurrence belongs to it, not to the one before: a
     * scheduler whose clock runs a little fast, or a job started by hand just before its time, is
     * not a missed slot and a second run of the previous one. For schedules that fire more often
     * than every 20 minutes it is a quarter of the time since the previous occurrence instead (15 s
     * for every minute), so that a run never moves to a slot that is not its own.
     */
    public static final Duration EARLY_TOLERANCE = Duration.ofMinutes(5);

    private SlotRules() {}

    /**
     * The early tolerance of each occurrence.
     *
     * @param occurrences newest first
     */
    public static List<Duration> tolerances(List<Instant> occurrences) {
        List<Duration> tolerances = new ArrayList<>(occurrences.size());
        for (int i = 0; i < occurrences.size(); i++) {
            Duration gap;
            if (i + 1 < occurrences.size()) {
                gap = Duration.between(occurrences.get(i + 1), occurrences.get(i));
            } else if (i > 0) {
                gap = Duration.between(occurrences.get(i), occurrences.get(i - 1)); // the oldest: its newer gap
            } else {
                gap = EARLY_TOLERANCE.multipliedBy(4);
            }
            Duration quarter = gap.dividedBy(4);
            tolerances.add(quarter.compareTo(EARLY_TOLERANCE) < 0 ? quarter : EARLY_TOLERANCE);
        }
        return tolerances;
    }

    /**
     * @param occurrences the slots' occurrences, newest first (the newest may lie up to its early
     *     tolerance after now: its slot is open)
     * @param grace due = occurrence + grace
     * @param runs the runs that may belong to them (any order; skipped runs are ignored)
     * @return the slots, newest first
     */
    public static List<Slot> slots(List<Instant> occurrences, Duration grace, List<ObservedRun> runs, Instant now) {
        List<ObservedRun> byStart = runs.stream().filter(r -> r.status() != RunStatus.SKIPPED)
                .sorted(Comparator.comparing(ObservedRun::startedAt)).toList();
        List<Duration> tolerances = tolerances(occurrences);
        List<Slot> slots = new ArrayList<>(occurrences.size());
        for (int i = 0; i < occurrences.size(); i++) {
            Instant occurrence = occurrences.get(i);
            Instant from = occurrence.minus(tolerances.get(i));
            // up to the start of the next (newer) slot
            Instant until = i == 0 ? null : occurrences.get(i - 1).minus(tolerances.get(i - 1));
            List<ObservedRun> mine = byStart.stream().filter(r -> !r.startedAt().isBefore(from)
                    && (until == null || r.startedAt().isBefore(until))).toList();
            slots.add(slot(occurrence, occurrence.plus(grace), mine, now));
        }
        return slots;
    }

    /** One slot's state from the runs that belong to it (oldest first). */
    static Slot slot(Instant occurrence, Instant due, List<ObservedRun> runs, Instant now) {
        ObservedRun onTime = first(runs, r -> r.satisfies() && !r.completedAt().isAfter(due));
        if (onTime != null) {
            return of(occurrence, due, SlotState.OK, onTime.id());
        }
        if (now.isBefore(due)) {
            return of(occurrence, due, SlotState.PENDING, null);
        }
        ObservedRun late = first(runs, ObservedRun::satisfies);
        if (late != null) {
            return of(occurrence, due, SlotState.LATE, late.id());
        }
        ObservedRun running = first(runs, r -> r.status() == RunStatus.RUNNING);
        if (running != null) {
            return of(occurrence, due, SlotState.RUNNING, running.id());
        }
        ObservedRun failed = null;
        for (ObservedRun r : runs) {
            if (r.status() == RunStatus.FAILED) {
                failed = r; // the last failure says most
            }
        }
        return failed != null ? of(occurrence, due, SlotState.FAILED, failed.id())
                : of(occurrence, due, SlotState.MISSED, null);
    }

    private static Slot of(Instant occurrence, Instant due, SlotState state, UUID runId) {
        return new Slot(occurrence, due, state, runId, NflCalendar.periodAt(occurrence));
    }

    private static ObservedRun first(List<ObservedRun> runs, java.util.function.Predicate<ObservedRun> p) {
        for (ObservedRun r : runs) {
            if (p.test(r)) {
                return r;
            }
        }
        return null;
    }
}
