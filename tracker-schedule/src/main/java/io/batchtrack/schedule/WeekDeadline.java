package io.batchtrack.schedule;

import io.batchtrack.Period;
import java.time.Instant;
import java.util.Objects;

/**
 * One occurrence of a readiness deadline and what became of it.
 *
 * @param occurrence when the cron expression fired: the flag must be true by then
 * @param period the NFL week containing the occurrence, whose readiness is judged
 * @param state the state at the moment of evaluation
 * @param readyAt since when the flag has been true, or null: not true, or true since a time not
 *     recorded (a row from before schema version 6, or written by hand without it)
 */
public record WeekDeadline(Instant occurrence, Period period, DeadlineState state, Instant readyAt) {
    public WeekDeadline {
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(state, "state");
    }
}
