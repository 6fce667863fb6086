package io.batchtrack.spi;

/**
 * Where runs are recorded. The lifecycle calls {@link #runStarted} once when a run opens and
 * {@link #runFinished} once when it closes; an implementation may throw, and the lifecycle then
 * applies the configured failure policy (log and go on, or fail fast). Implementations are
 * called from many threads at once.
 */
public interface RunStore extends AutoCloseable {

    /** A store that records nothing. */
    RunStore NONE = new RunStore() {
        @Override
        public void runStarted(RunRecord run) {}

        @Override
        public void runFinished(RunRecord run) {}

        @Override
        public String toString() {
            return "none";
        }
    };

    /** Records a run that has just opened (status {@code running}). */
    void runStarted(RunRecord run) throws Exception;

    /** Records the final state of a run: status, finish time, counters, warnings, failure. */
    void runFinished(RunRecord run) throws Exception;

    /** Releases connections and threads. */
    @Override
    default void close() {}
}
