package io.batchtrack.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * A running run past the time it should have taken.
 *
 * @param runningFor how long it has been running at the moment of evaluation
 * @param limit the longest it may run
 * @param rule where the limit comes from, for example {@code max_duration of weekly_update/full}
 *     or {@code 1.5 x p95 of the last 20 successful runs}
 */
public record OverdueRun(ObservedRun run, Duration runningFor, Duration limit, String rule) {
    public OverdueRun {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(runningFor, "runningFor");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(rule, "rule");
    }
}
