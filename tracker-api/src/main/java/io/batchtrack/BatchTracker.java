package io.batchtrack;

import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.engine.Engine;
import io.batchtrack.internal.engine.Faults;
import io.batchtrack.internal.engine.GlobalEngine;
import java.util.Optional;
import java.util.UUID;

/**
 * One run, for code that wants no weaving. Two forms:
 *
 * <pre>{@code
 * // callback: returns the body's value, rethrows its exception unchanged
 * int games = BatchTracker.call(spec, () -> syncSchedule());
 *
 * // try-with-resources: call complete() as the last statement of the block
 * try (BatchTracker tracker = BatchTracker.start(spec)) {
 *     tracker.increment(Metrics.GAMES_PROCESSED, syncSchedule());
 *     tracker.complete();
 * }
 * }</pre>
 *
 * <p>Java's {@code try} cannot show a resource the exception that left its block, so a tracker
 * closed without {@link #complete()} is recorded as {@code failed}: a forgotten call shows up at
 * once instead of an exception being recorded as a success. Call {@link #fail(Throwable)} in a
 * {@code catch} inside the block to record the exception itself, or use the callback form.
 *
 * <p>While open, the run is {@link Tracker#current()} on the thread that started it, and the run
 * that was current before is current again after it closes. A tracker is safe to use from many
 * threads; increments made after it closed are dropped, counted and logged once.
 *
 * <p>An asynchronous batch {@link #detach()}es the run from its thread and {@link #finish}es it when
 * its result completes.
 */
public final class BatchTracker implements Tracker, AutoCloseable {

    /** A body that returns a value and may throw {@code E}. */
    @FunctionalInterface
    public interface Body<T, E extends Throwable> {
        T run() throws E;
    }

    /** A body that returns nothing and may throw {@code E}. */
    @FunctionalInterface
    public interface VoidBody<E extends Throwable> {
        void run() throws E;
    }

    private final ActiveRun run;

    BatchTracker(ActiveRun run) {
        this.run = run;
    }

    /** Opens a run with the global {@link BatchTracking} and makes it current on this thread. */
    public static BatchTracker start(RunSpec spec) {
        return new BatchTracker(GlobalEngine.get().open(spec, false));
    }

    /** Runs {@code body} as a tracked run of the global {@link BatchTracking}; see {@link BatchTracking#call}. */
    public static <T, E extends Throwable> T call(RunSpec spec, Body<T, E> body) throws E {
        return callIn(GlobalEngine.get(), spec, body);
    }

    /** Runs {@code body} as a tracked run of the global {@link BatchTracking}; see {@link BatchTracking#run}. */
    public static <E extends Throwable> void run(RunSpec spec, VoidBody<E> body) throws E {
        runIn(GlobalEngine.get(), spec, body);
    }

    static <T, E extends Throwable> T callIn(Engine engine, RunSpec spec, Body<T, E> body) throws E {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        ActiveRun run = open(engine, spec, false);
        T result;
        try {
            result = body.run();
        } catch (Throwable t) {
            finishAfterThrow(run, t);
            throw t;
        }
        finishAfterReturn(run);
        return result;
    }

    static <E extends Throwable> void runIn(Engine engine, RunSpec spec, VoidBody<E> body) throws E {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        ActiveRun run = open(engine, spec, engine.settings().onConflict() == io.batchtrack.config.ConflictPolicy.SKIP);
        if (run != null && run.isSkipped()) {
            return;
        }
        try {
            body.run();
        } catch (Throwable t) {
            finishAfterThrow(run, t);
            throw t;
        }
        finishAfterReturn(run);
    }

    /**
     * The run of a callback, or null (the body runs untracked) if opening it failed in a way not
     * meant for the caller: only fail-fast's {@link TrackingException} and a lost exclusive run's
     * {@link RunConflictException} (one) reach it, and a bad spec's {@link IllegalArgumentException}.
     */
    private static ActiveRun open(Engine engine, RunSpec spec, boolean skipOnConflict) {
        if (spec == null) {
            throw new IllegalArgumentException("run spec must not be null");
        }
        try {
            return engine.open(spec, skipOnConflict);
        } catch (TrackingException e) {
            throw e;
        } catch (Throwable e) {
            Faults.logged("open", "batchtrack could not open the run of " + spec + "; the body runs untracked", e);
            return null;
        }
    }

    /** Ends a run whose body returned; whatever goes wrong recording it never replaces the result. */
    private static void finishAfterReturn(ActiveRun run) {
        if (run == null) {
            return;
        }
        try {
            run.finish(null);
        } catch (Throwable e) {
            Faults.logged("end", "batchtrack failed to end run " + run.id(), e);
        }
    }

    /** Ends a run whose body threw; a failure to record it never replaces the body's exception. */
    private static void finishAfterThrow(ActiveRun run, Throwable thrown) {
        if (run == null) {
            return;
        }
        try {
            run.finish(thrown);
        } catch (Throwable trackingFailure) {
            if (trackingFailure != thrown) {
                try {
                    thrown.addSuppressed(trackingFailure);
                } catch (Throwable cannotAttach) {
                    Faults.logged("end", "batchtrack failed to end run " + run.id(), trackingFailure);
                }
            }
        }
    }

    @Override
    public void increment(String metric, long amount) {
        run.increment(metric, amount);
    }

    @Override
    public void warn(String stage, String message) {
        run.warn(stage, message);
    }

    /** Marks the block as having reached its end; {@link #close()} then records success or partial. */
    public void complete() {
        run.complete();
    }

    /** Records {@code exception} as the reason this run failed; {@link #close()} then records {@code failed}. */
    public void fail(Throwable exception) {
        run.fail(exception);
    }

    /**
     * Ends the run: restores the previous run as current, writes the final row and, after
     * success or partial, refreshes readiness. Calling it again does nothing. Never throws: a row
     * that cannot be written is logged, under {@code on-store-failure=fail} too (that policy
     * governs the start only).
     */
    @Override
    public void close() {
        run.close();
    }

    /**
     * Ends the run with the outcome the caller saw: {@code thrown} null means the body returned
     * normally, else the run is recorded {@code failed} with it. For an asynchronous batch, whose
     * result completes after its block; calling it again, or after {@link #close()}, does nothing.
     * Never throws, as {@link #close()}.
     */
    public void finish(Throwable thrown) {
        run.finish(thrown);
    }

    /**
     * Makes the run no longer current on the thread that started it, without ending it: an
     * asynchronous result ends it later with {@link #finish}.
     */
    public void detach() {
        run.detach();
    }

    /**
     * Whether this attempt did not start because its batch is exclusive and another run of the same
     * batch type and period was running ({@code on-conflict=skip}): the caller must not run the body.
     * Such a tracker is already ended; what it is given is dropped.
     */
    public boolean isSkipped() {
        return run.isSkipped();
    }

    /** Whether the run has ended. */
    public boolean isEnded() {
        return run.isEnded();
    }

    @Override
    public Optional<UUID> runId() {
        return run.runId();
    }

    @Override
    public Optional<RunSpec> spec() {
        return run.spec();
    }

    /** The run's id. */
    public UUID id() {
        return run.id();
    }

    /** The run that was current on this thread when this one opened, if any. */
    public Optional<UUID> parentId() {
        return run.parentId();
    }

    /** The current value of a metric (zero if never incremented). */
    public long metric(String name) {
        return run.metric(name);
    }

    /** The engine's run behind this handle; for tests in this package. */
    ActiveRun activeRun() {
        return run;
    }

    @Override
    public String toString() {
        return run.toString();
    }
}
