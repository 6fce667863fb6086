package io.batchtrack.internal.engine;

import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.internal.Checks;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@code Tracker.current()} hands out for an open run on one thread: the run, plus that thread's
 * counter cell once found, so a standard increment is the name check and a plain add, with no search
 * for the cell (benchmarks' HotPath: this lookup was what kept {@code Tracker.current().increment}
 * slower than Micrometer's counter). Everything else, and any call from another thread (the tracker
 * may be handed on), goes to the run itself, which is always right.
 */
final class ThreadTracker implements Tracker {
    private final ActiveRun run;
    private final Thread thread;
    private StandardCounters.Cell cell; // only touched by {@code thread}: a cell has that one writer

    ThreadTracker(ActiveRun run, Thread thread) {
        this.run = run;
        this.thread = thread;
    }

    @Override
    public void increment(String metric, long amount) {
        int index = Checks.metric(metric, amount);
        if (index < 0 || Thread.currentThread() != thread || run.isEnded()) {
            run.increment(metric, amount); // custom metrics, another thread, and the late update it counts
            return;
        }
        StandardCounters.Cell mine = cell;
        if (mine == null) {
            mine = run.standardCounters().cellOf(thread);
            if (mine == null) { // every cell is taken: the run adds to its shared counters
                run.increment(metric, amount);
                return;
            }
            cell = mine;
        }
        mine.add(index, amount);
    }

    @Override
    public void warn(String stage, String message) {
        run.warn(stage, message);
    }

    @Override
    public Optional<UUID> runId() {
        return run.runId();
    }

    @Override
    public Optional<RunSpec> spec() {
        return run.spec();
    }

    @Override
    public String toString() {
        return run.toString();
    }
}
