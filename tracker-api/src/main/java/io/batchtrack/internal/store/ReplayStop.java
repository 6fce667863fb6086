package io.batchtrack.internal.store;

/**
 * When a spool hands over no further record: once it is closed, or once the last hand-over's
 * deadline has passed ({@link Spool#stopReplaysBy}); a replay in progress checks before each record.
 */
final class ReplayStop {
    /** No deadline. */
    static final long NONE = Long.MIN_VALUE;

    private volatile boolean closed;
    private volatile long handOverDeadline = NONE; // once set, every replay stops by it

    void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    void handOverBy(long deadline) {
        handOverDeadline = deadline;
    }

    /** Whether a replay with its own {@code deadline} must hand over no further record. */
    boolean reached(long deadline) {
        return closed || passed(deadline) || passed(handOverDeadline);
    }

    private static boolean passed(long deadline) {
        return deadline != NONE && System.nanoTime() - deadline > 0;
    }
}
