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
     * not a missed slot and a second run of the previous one.
     */
    public static final Duration EARLY_TOLERANCE = Duration.ofMinutes(5);

    private SlotRules() {}

    /**
     * @param occurrences the slots' occurrences, newest first
     * @param grace due = occurrence + grace
     * @param runs the runs that may belong to them (any order; skipped runs are ignored)
     * @return the slots, newest first
     */
    public static List<Slot> slots(List<Instant> occurrences, Duration grace, List<ObservedRun> runs, Instant now) {
        List<ObservedRun> byStart = runs.stream().filter(r -> r.status() != RunStatus.SKIPPED)
                .sorted(Comparator.comparing(ObservedRun::startedAt)).toList();
        List<Slot> slots = new ArrayList<>(occurrences.size());
        for (int i = 0; i < occurrences.size(); i++) {
            Instant occurrence = occurrences.get(i);
            Instant from = occurrence.minus(EARLY_TOLERANCE);
            Instant until = i == 0 ? null : occurrences.get(i - 1).minus(EARLY_TOLERANCE); // the next (newer) slot's start
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
