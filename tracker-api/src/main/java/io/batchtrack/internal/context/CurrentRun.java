package io.batchtrack.internal.context;

/**
 * The thread-local slot of the innermost open run. It is changed only through a {@link RunScope},
 * which restores what it displaced; every change is mirrored into the application's SLF4J MDC
 * ({@link RunMdc}). Reading it is one thread-local read: {@code Tracker.current()} sits on every
 * increment, so the slot holds a {@link Binding} that keeps this thread's tracker of the run.
 */
public final class CurrentRun {
    private static final ThreadLocal<Binding> CURRENT = new ThreadLocal<>();

    private CurrentRun() {}

    /** The innermost open run on this thread, or null. */
    public static RunOnThread get() {
        Binding current = CURRENT.get();
        return current != null ? current.run : null;
    }

    /** This thread's tracker of the innermost open run (see {@link RunOnThread#trackerOnThisThread}), or null. */
    public static Object tracker() {
        Binding current = CURRENT.get();
        return current != null ? current.tracker() : null;
    }

    /** Makes {@code run} current (null: none) and returns the binding it displaced (null if none). */
    static Binding push(RunOnThread run) {
        Binding previous = CURRENT.get();
        RunOnThread before = previous != null ? previous.run : null;
        if (run != before) { // the same run again keeps its binding, and with it this thread's tracker
            CURRENT.set(run != null ? new Binding(run) : null);
            RunMdc.show(run);
        }
        return previous;
    }

    /** Makes {@code previous} current again; null clears the slot. */
    static void restore(Binding previous) {
        Binding leaving = CURRENT.get();
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
        RunOnThread left = leaving != null ? leaving.run : null;
        RunOnThread back = previous != null ? previous.run : null;
        if (left != back) {
            RunMdc.show(back);
        }
    }
}
