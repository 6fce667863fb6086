package io.batchtrack.spi;

import java.util.Optional;

/**
 * Where runs are recorded. The lifecycle calls {@link #runStarted} once when a run opens,
 * {@link #runProgress} every heartbeat interval while it runs, and {@link #runFinished} once when it
 * closes; implementations are called from many threads at once.
 *
 * <p>An implementation may throw; the lifecycle then applies the configured failure policy (log
 * and go on, or fail fast). It throws {@link StoreUnavailableException} when the database cannot be
 * reached: the lifecycle then keeps the record in a local spool and hands it over again later, so
 * every call must be idempotent — a repeated start never duplicates a run, a late progress never
 * changes a finished run, a repeated finish writes the same row.
 *
 * <p>Callbacks added after the first version are {@code default} no-ops, so a store written
 * against an older version keeps working.
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

    /**
     * Records a run that has just opened (status {@code running}).
     *
     * @throws io.batchtrack.RunConflictException if the run is exclusive and another run of its batch
     *     type and period is running; nothing is written then
     */
    void runStarted(RunRecord run) throws Exception;

    /**
     * A heartbeat of a running run: its counters and warnings so far. Must not change a run that
     * has finished (a late or replayed heartbeat).
     */
    default void runProgress(RunRecord run) throws Exception {}

    /** Records the final state of a run: status, finish time, counters, warnings, failure. */
    void runFinished(RunRecord run) throws Exception;

    /**
     * Marks as failed ({@code error_type = abandoned}) every running run whose last heartbeat is
     * older than its stale limit, by the database's clock; called periodically while runs are open.
     *
     * @return how many runs were marked
     */
    default int sweepAbandoned() throws Exception {
        return 0;
    }

    /**
     * A stable name of where this store writes (for a database: host, port, database and schema,
     * never a secret), the same in every process. Records spooled while the store was unavailable
     * are handed back only to a store with the same destination. Empty: nothing is spooled.
     */
    /**
     * The records this JVM lost so far, by kind (running totals: each report replaces the last one
     * of the same JVM), for the operators to see. Called after a heartbeat when the totals grew, and
     * when the engine closes.
     *
     * @param host this JVM's host name
     * @param pid its process id
     * @param processStartedAt when it started (with the pid and host, what tells one JVM from another)
     */
    default void reportLosses(String host, long pid, java.time.Instant processStartedAt,
            java.util.Map<String, Long> lostByKind) throws Exception {}

    default Optional<String> destination() {
        return Optional.empty();
    }

    /** Releases connections and threads. */
    @Override
    default void close() {}
}
