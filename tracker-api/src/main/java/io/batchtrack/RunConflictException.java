package io.batchtrack;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An exclusive run did not start because another run of the same batch type and period was
 * running. The attempt is recorded as a {@code skipped} run ({@code error_type = conflict}) so that
 * an operator sees it beside the run that held the period.
 */
public class RunConflictException extends TrackingException {
    private static final long serialVersionUID = 1L;

    private final String batchType;
    private final Period period;
    private final UUID attemptId;
    private final UUID runningRunId;

    /**
     * @param spec what was attempted
     * @param attemptId the id of the attempt (its {@code skipped} row)
     * @param runningRunId the run that was running, or null if it ended before it could be named
     */
    public RunConflictException(RunSpec spec, UUID attemptId, UUID runningRunId) {
        super(message(spec, attemptId, runningRunId));
        this.batchType = spec.batchType();
        this.period = spec.period();
        this.attemptId = Objects.requireNonNull(attemptId, "attemptId");
        this.runningRunId = runningRunId;
    }

    private static String message(RunSpec spec, UUID attemptId, UUID runningRunId) {
        return "exclusive batch " + spec.batchType() + " for " + spec.period() + " is already running"
                + (runningRunId == null ? "" : " as run " + runningRunId) + "; run " + attemptId
                + " did not start and is recorded as skipped";
    }

    public String batchType() {
        return batchType;
    }

    public Period period() {
        return period;
    }

    /** The id of the attempt that did not start. */
    public UUID attemptId() {
        return attemptId;
    }

    /** The run that held the period. */
    public Optional<UUID> runningRunId() {
        return Optional.ofNullable(runningRunId);
    }
}
