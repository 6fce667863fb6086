package io.batchtrack.internal;

import io.batchtrack.BatchTracker;
import io.batchtrack.Tracker;

/**
 * The thread-local pointer to the innermost open run; each run remembers the one it displaced. Every
 * change of the current run is mirrored into the application's SLF4J MDC ({@link RunMdc}).
 */
public final class CurrentRun {
    private static final ThreadLocal<BatchTracker> CURRENT = new ThreadLocal<>();

    private CurrentRun() {}

    public static Tracker tracker() {
        BatchTracker run = CURRENT.get();
        return run != null ? run : NoopTracker.INSTANCE;
    }

    /** The innermost open run on this thread, or null. */
    public static BatchTracker get() {
        return CURRENT.get();
    }

    /** Makes {@code run} current and returns the run it displaced (null if none). */
    public static BatchTracker push(BatchTracker run) {
        BatchTracker previous = CURRENT.get();
        CURRENT.set(run);
        if (run != previous) {
            RunMdc.show(run);
        }
        return previous;
    }

    /** Restores {@code previous} as current; a null previous clears the slot. */
    public static void restore(BatchTracker previous) {
        BatchTracker leaving = CURRENT.get();
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
