package io.batchtrack.examples.nfl;

import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A run store that keeps what the lifecycle hands it, so tests can read the runs' final rows. */
final class RecordingStore implements RunStore {
    final List<RunRecord> started = new CopyOnWriteArrayList<>();
    final List<RunRecord> finished = new CopyOnWriteArrayList<>();

    @Override
    public void runStarted(RunRecord run) {
        started.add(run);
    }

    @Override
    public void runFinished(RunRecord run) {
        finished.add(run);
    }

    /** The final record of the run that ended last. */
    RunRecord last() {
        if (finished.isEmpty()) {
            throw new AssertionError("no run has finished");
        }
        return finished.get(finished.size() - 1);
    }
}
