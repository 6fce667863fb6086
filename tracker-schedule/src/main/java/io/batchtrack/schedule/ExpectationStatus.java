package io.batchtrack.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One expectation at the moment of evaluation.
 *
 * @param slots its newest slots, newest first (at most {@link ScheduleEvaluator#SLOTS})
 * @param nextDue the next due time after the moment, or null if the schedule never fires again
 * @param invalid why the row cannot be evaluated (a cron or zone written in SQL that does not
 *     parse), or null; such a row has no slots and is a problem
 */
public record ExpectationStatus(Expectation expectation, List<Slot> slots, Instant nextDue, String invalid) {
    public ExpectationStatus {
        Objects.requireNonNull(expectation, "expectation");
        slots = List.copyOf(slots);
    }

    /** The newest slot past its due time, or null: the one {@code batchtrack check} judges. */
    public Slot latestDue() {
        for (Slot s : slots) {
            if (s.state() != SlotState.PENDING) {
                return s;
            }
        }
        return null;
    }
}
