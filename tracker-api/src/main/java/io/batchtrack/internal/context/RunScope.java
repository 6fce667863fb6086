package io.batchtrack.internal.context;

/**
 * A stretch of one thread during which a given run is current: {@link #enter} makes it current,
 * {@link #close} makes current again what was current before. Everything that changes the current
 * run goes through a scope (an open run on its thread, a wrapped task on a worker, the agent's
 * fork/join advice), so the push and the restore are written once.
 *
 * <pre>{@code
 * try (RunScope scope = RunScope.enter(run)) {
 *     task.run();
 * }
 * }</pre>
 *
 * A scope belongs to the thread that entered it and is closed once, on that thread. Entering a run
 * allocates its binding on the thread; entering on a thread that had no run allocates no scope.
 */
public final class RunScope implements AutoCloseable {
    private static final RunScope UNCHANGED = new RunScope(null, false);
    private static final RunScope RESTORES_NONE = new RunScope(null, true);

    private final Binding displaced;
    private final boolean restores;

    private RunScope(Binding displaced, boolean restores) {
        this.displaced = displaced;
        this.restores = restores;
    }

    /** Makes {@code run} current on this thread (null: no run) until the scope is closed. */
    public static RunScope enter(RunOnThread run) {
        Binding previous = CurrentRun.push(run);
        return previous == null ? RESTORES_NONE : new RunScope(previous, true);
    }

    /** A scope that changes nothing, and restores nothing when closed. */
    public static RunScope unchanged() {
        return UNCHANGED;
    }

    /** Makes current again the run that was current when this scope was entered. */
    @Override
    public void close() {
        if (restores) {
            CurrentRun.restore(displaced);
        }
    }
}
