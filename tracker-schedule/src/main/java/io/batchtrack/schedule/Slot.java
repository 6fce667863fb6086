package io.batchtrack.schedule;

import io.batchtrack.Period;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One cron occurrence of an expectation and what became of it.
 *
 * @param occurrence when the cron expression fired
 * @param due occurrence + grace: a run must have completed by then to be {@link SlotState#OK}
 * @param state the slot's state at the moment of evaluation
 * @param runId the run that decided the state (the one that completed, is running, or failed last),
 *     or null when none did (pending without a run, missed)
 * @param period the NFL week the occurrence falls in
 */
public record Slot(Instant occurrence, Instant due, SlotState state, UUID runId, Period period) {
    public Slot {
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(period, "period");
    }
}
