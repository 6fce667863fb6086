package io.batchtrack.internal.engine;

import io.batchtrack.RunConflictException;
import io.batchtrack.RunStatus;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import java.time.Instant;

/**
 * The seed's status rules, in one place: how a run that ends is recorded. A new rule (a status, or
 * a new reason for one) is written here, and in {@link RunStatus} if it adds a status.
 *
 * <ul>
 *   <li>the body threw (or the block declared a failure): {@code failed}, with the exception;
 *   <li>it returned normally without warnings: {@code success};
 *   <li>it returned normally with warnings (kept or dropped over the cap): {@code partial};
 *   <li>an exclusive attempt lost to a running run: {@code skipped}, ended when it started, with
 *       {@code error_type = conflict} and the message naming the run that held the period.
 * </ul>
 *
 * Whether readiness is refreshed afterwards is {@link RunStatus#refreshesReadiness()}.
 */
final class StatusRules {
    private StatusRules() {}

    /** The final record of a run that ended at {@code end}; {@code outcome} is why it failed, or null. */
    static RunRecord ended(RunRecord running, Instant end, RunFailure outcome) {
        RunStatus status = outcome != null ? RunStatus.FAILED
                : running.warnings().isEmpty() && running.warningsDropped() == 0 ? RunStatus.SUCCESS
                : RunStatus.PARTIAL;
        return running.ended(status, end, outcome);
    }

    /** The record of an exclusive attempt that lost: it never ran. */
    static RunRecord skipped(RunRecord attempt, RunConflictException conflict) {
        return attempt.ended(RunStatus.SKIPPED, attempt.startedAt(), new RunFailure("conflict", conflict.getMessage(),
                null));
    }
}
