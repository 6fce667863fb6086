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
}
