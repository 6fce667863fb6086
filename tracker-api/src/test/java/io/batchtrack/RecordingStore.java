package io.batchtrack;

import io.batchtrack.spi.ReadinessRefresher;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A store that keeps what the lifecycle hands it, to assert on; optionally failing. */
class RecordingStore implements RunStore, ReadinessRefresher {
    final List<RunRecord> started = new CopyOnWriteArrayList<>();
    final List<RunRecord> progress = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger sweeps = new java.util.concurrent.atomic.AtomicInteger();
    final List<RunRecord> finished = new CopyOnWriteArrayList<>();
    final List<RunRecord> refreshed = new CopyOnWriteArrayList<>();
    volatile RuntimeException failOnStart;
    volatile RuntimeException failOnFinish;
    volatile RuntimeException failOnRefresh;

    @Override
    public void runStarted(RunRecord run) {
        if (failOnStart != null) {
            throw failOnStart;
        }
        started.add(run);
    }

    @Override
    public void runProgress(RunRecord run) {
        progress.add(run);
    }

    @Override
    public int sweepAbandoned() {
        sweeps.incrementAndGet();
        return 0;
    }

    @Override
    public void runFinished(RunRecord run) {
        if (failOnFinish != null) {
            throw failOnFinish;
        }
        finished.add(run);
    }

    @Override
    public void refresh(RunRecord finishedRun) {
        if (failOnRefresh != null) {
            throw failOnRefresh;
        }
        refreshed.add(finishedRun);
    }

    RunRecord only() {
        if (finished.size() != 1) {
            throw new AssertionError("expected one finished run, got " + finished);
        }
        return finished.get(0);
    }
}
