package io.batchtrack.internal.store;

import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import java.io.PrintStream;

/**
 * {@code store=log}: writes each finished run as one JSON line to standard error, and nothing to a
 * database. For dry runs, and for measuring the weaving without a store.
 */
public final class LogRunStore implements RunStore {
    private final PrintStream out;

    public LogRunStore(PrintStream out) {
        this.out = out;
    }

    @Override
    public void runStarted(RunRecord run) {
        // one line per run: written when it ends
    }

    @Override
    public void runFinished(RunRecord run) {
        out.println(line(run));
    }

    /**
     * The JSON line of a run: {@link RunRecordJson}'s form, its id under {@code batchtrack_run} so
     * that the lines are easy to pick out of a log.
     */
    public static String line(RunRecord r) {
        return RunRecordJson.append(new StringBuilder(512), "batchtrack_run", r).toString();
    }

    @Override
    public String toString() {
        return "log";
    }
}
