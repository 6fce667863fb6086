package io.batchtrack.spi;

/**
 * Told about every run of an engine: when it opens, at each heartbeat while it runs, and when it
 * ends. Exporters (metrics, traces) and alerts build on it. Every method is a no-op unless
 * overridden, so a listener implements only what it needs and keeps working when callbacks are added.
 *
 * <p>Calls are guarded: whatever a listener throws, {@link Error}s included, is logged and reaches
 * neither the batch, nor the store, nor the other listeners. A listener is never on the path of
 * {@code Tracker.increment}.
 *
 * <p>{@link #runStarted} and {@link #runFinished} are called on the thread that opens and ends the
 * run (the batch's own thread for a synchronous method, the completing thread for an asynchronous
 * one), after the store was given the record, whether or not it could take it; {@link #runProgress}
 * on the heartbeat thread, every {@code heartbeat-interval}, whether or not the store answers. An
 * exclusive attempt that lost is told only as finished ({@code skipped}); a run refused under
 * {@code on-store-failure=fail} is not told at all. Keep the calls short: slow work (a network
 * call) belongs on a thread of the listener's own.
 *
 * <p>Installed on {@code BatchTracking.builder().listener(...)}, or, for engines built from
 * configuration, made by a {@link RunListenerProvider} that {@link java.util.ServiceLoader} finds.
 */
public interface RunListener extends AutoCloseable {

    /** A listener that does nothing. */
    RunListener NONE = new RunListener() {
        @Override
        public String toString() {
            return "none";
        }
    };

    /**
     * A run is opening: called on the opening thread before its start is handed to the store (and
     * before {@link #runStarted}), so that a listener that opens a trace span for the run can name
     * the trace, which the store then keeps with the run ({@code batch_runs.trace_id}) and the status
     * page links to. A run that the store then refuses under {@code on-store-failure=fail} is told
     * nothing more; a listener that opened something for it releases it on {@link #close}.
     *
     * @param run the opening record (status {@code running}, no counters)
     * @return the W3C id of the trace the run belongs to (32 lowercase hex digits), or null; the first
     *     listener that names one wins, an id that is not a trace id is logged and ignored
     */
    default String runOpening(RunRecord run) {
        return null;
    }

    /** A run has opened (status {@code running}, no counters yet). */
    default void runStarted(RunRecord run) {}

    /** A heartbeat of a running run: its counters and warnings so far. */
    default void runProgress(RunRecord run) {}

    /**
     * A run has ended: its final record, with status {@code success}, {@code partial}, {@code failed}
     * or {@code skipped}, whether or not the store could take it.
     */
    default void runFinished(RunRecord run) {}

    /**
     * A {@code @TrackedBatch} method that declares an expected schedule was seen for the first time
     * in this JVM (its first call). Called once per method, on the calling thread, before its run
     * opens: keep it short (register on a thread of the listener's own).
     *
     * @return whether this listener keeps it; when none does, the engine logs that the schedule is
     *     not registered
     */
    default boolean scheduleDeclared(DeclaredSchedule schedule) {
        return false;
    }

    /** The engine is closing; release threads and connections. */
    @Override
    default void close() {}
}
