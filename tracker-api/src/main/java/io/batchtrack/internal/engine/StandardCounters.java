package io.batchtrack.internal.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * The standard counters of one run, kept per incrementing thread so that an increment is a plain add
 * and a release store, with no atomic read-modify-write: {@code Tracker.current().increment(...)} sits
 * in the batch's inner loops, and a compare-and-set (what {@link LongAdder} and Micrometer's counters
 * do) was most of its cost (benchmarks' HotPath).
 *
 * <p>Each of the first {@value #CELLS} threads that increment the run gets a cell of its own, written
 * by that thread only, so no update is lost without a lock; readers (the heartbeat, the run's end) add
 * up the cells with acquire loads and see every increment that happened before. Threads beyond those
 * share {@link LongAdder}s, exact as before. A cell holds its thread until the run is gone.
 */
final class StandardCounters {
    /** Enough for a batch thread and a small pool; more threads still count exactly, through the adders. */
    static final int CELLS = 8;
    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(long[].class);
    /**
     * Longs left unused before and after a cell's counters: two cache lines, so that cells of two
     * threads, allocated side by side, never share one (false sharing made two incrementing threads
     * slower than one shared adder in benchmarks' HotPath).
     */
    private static final int PAD = 16;

    private final int metrics;
    private final Cell[] cells = new Cell[CELLS];
    private volatile int claimed; // cells[0 .. claimed) are set; written under this object's lock
    private final LongAdder[] shared;

    StandardCounters(int metrics) {
        this.metrics = metrics;
        this.shared = new LongAdder[metrics];
        for (int i = 0; i < metrics; i++) {
            shared[i] = new LongAdder();
        }
    }

    void add(int index, long amount) {
        Cell mine = cellOf(Thread.currentThread());
        if (mine != null) {
            mine.add(index, amount);
        } else {
            shared[index].add(amount);
        }
    }

    /**
     * {@code thread}'s own cell, claimed on its first use; null once every cell is taken (its adds then go to
     * the shared adders). Called only by {@code thread} itself: a cell has that one writer.
     */
    Cell cellOf(Thread thread) {
        int n = claimed;
        for (int i = 0; i < n; i++) {
            Cell c = cells[i];
            if (c.thread == thread) {
                return c;
            }
        }
        return n == CELLS ? null : claim(thread); // all taken: no lock on every add of the threads left over
    }

    long sum(int index) {
        long total = shared[index].sum();
        int n = claimed;
        for (int i = 0; i < n; i++) {
            total += (long) COUNT.getAcquire(cells[i].counts, PAD + index);
        }
        return total;
    }

    private synchronized Cell claim(Thread thread) {
        int n = claimed;
        for (int i = 0; i < n; i++) {
            if (cells[i].thread == thread) {
                return cells[i]; // cannot happen (only this thread claims for itself), kept for safety
            }
        }
        if (n == CELLS) {
            return null;
        }
        Cell c = new Cell(thread, new long[PAD + metrics + PAD]);
        cells[n] = c;
        claimed = n + 1; // publishes the cell
        return c;
    }

    /** One thread's counters; only {@link #thread} writes them. */
    static final class Cell {
        final Thread thread;
        final long[] counts;

        Cell(Thread thread, long[] counts) {
            this.thread = thread;
            this.counts = counts;
        }

        void add(int index, long amount) {
            // the only writer: a plain read of its own last value, a release store for the readers
            COUNT.setRelease(counts, PAD + index, counts[PAD + index] + amount);
        }
    }
}
