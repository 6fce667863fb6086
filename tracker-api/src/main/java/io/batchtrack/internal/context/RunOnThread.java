package io.batchtrack.internal.context;

import java.util.UUID;

/**
 * What can be the current run of a thread: the engine's open run, known here only by what the
 * context needs of it (its id, for a nested run's parent, and what the MDC shows). The one
 * implementation, the engine's run, is also a {@code Tracker}, which is how
 * {@code Tracker.current()} hands it out; this interface names no type of the api, so that the
 * api's {@code Tracker} and this package never import each other.
 */
public interface RunOnThread {

    /** The run's id. */
    UUID id();

    /** The run's batch type. */
    String batchType();

    /** Whether the run has ended: a periodic task's later executions then run with no run. */
    boolean isEnded();

    /**
     * The {@code Tracker} that {@code Tracker.current()} hands out for this run on the calling thread:
     * one that may keep what it finds about this thread (its counter cell), so the increment on the
     * hot path looks nothing up twice. Typed {@code Object} so this package names no api type (see above).
     */
    Object trackerOnThisThread();
}
