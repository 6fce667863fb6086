package io.batchtrack.jdbi;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The status-page line of one batch type: its latest run, its latest completed and failed runs,
 * and how its most recent runs ended.
 *
 * @param batchType the batch type
 * @param lastRun its most recent run, in any status
 * @param lastSuccess its most recent run that completed ({@code success} or {@code partial}), or null
 * @param lastFailure its most recent {@code failed} run, or null
 * @param window how many recent runs the counts cover at most (the {@code window} asked for)
 * @param successes {@code success} runs among them
 * @param partials {@code partial} runs among them
 * @param failures {@code failed} runs among them
 * @param running runs among them still {@code running}
 */
public record BatchTypeSummary(String batchType, BatchRun lastRun, BatchRun lastSuccess, BatchRun lastFailure,
        int window, int successes, int partials, int failures, int running) {

    /** Finished runs (success, partial, failed) among the recent ones. */
    public int finished() {
        return successes + partials + failures;
    }

    /**
     * The share of finished recent runs that completed (success or partial; a partial run did its
     * work and refreshed readiness, with warnings). Empty when none finished.
     */
    public OptionalDouble successRate() {
        int finished = finished();
        return finished == 0 ? OptionalDouble.empty() : OptionalDouble.of((successes + partials) / (double) finished);
    }

    public Optional<BatchRun> lastSuccessIfAny() {
        return Optional.ofNullable(lastSuccess);
    }

    public Optional<BatchRun> lastFailureIfAny() {
        return Optional.ofNullable(lastFailure);
    }
}
