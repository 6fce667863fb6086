package io.batchtrack.schedule;

import io.batchtrack.RunStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code batch_runs} as the schedule rules see it.
 *
 * @param mode the run's mode, or null
 * @param completedAt null while it runs
 */
public record ObservedRun(UUID id, String batchType, String mode, RunStatus status, Instant startedAt,
        Instant completedAt) {
    public ObservedRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(batchType, "batchType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** A success or partial run that has completed: it satisfies its slot. */
    public boolean satisfies() {
        return (status == RunStatus.SUCCESS || status == RunStatus.PARTIAL) && completedAt != null;
    }
}
