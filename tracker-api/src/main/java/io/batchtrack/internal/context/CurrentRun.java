package io.batchtrack.internal.context;

/**
 * The thread-local slot of the innermost open run. It is changed only through a {@link RunScope},
 * which restores what it displaced; every change is mirrored into the application's SLF4J MDC
 * ({@link RunMdc}). Reading it is one thread-local read: {@code Tracker.current()} sits on every
 * increment.
 */
public final class CurrentRun {
    private static final ThreadLocal<RunOnThread> CURRENT = new ThreadLocal<>();

    private CurrentRun() {}

    /** The innermost open run on this thread, or null. */
    public static RunOnThread get() {
        return CURRENT.get();
    }

    /** Makes {@code run} current (null: none) and returns the run it displaced (null if none). */
    static RunOnThread push(RunOnThread run) {
        RunOnThread previous = CURRENT.get();
        CURRENT.set(run);
        if (run != previous) {
            RunMdc.show(run);
        }
        return previous;
    }

    /** Makes {@code previous} current again; null clears the slot. */
    static void restore(RunOnThread previous) {
        RunOnThread leaving = CURRENT.get();
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
        if (leaving != previous) {
            RunMdc.show(previous);
        }
    }
}
