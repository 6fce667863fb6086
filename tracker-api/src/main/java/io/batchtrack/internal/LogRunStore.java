package io.batchtrack.internal;

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

    /** The JSON line of a run; field names are the columns of {@code batch_runs}. */
    public static String line(RunRecord r) {
        StringBuilder b = new StringBuilder(256).append("{\"batchtrack_run\":");
        Json.string(b, r.id().toString()).append(",\"parent_run_id\":");
        Json.string(b, r.parentId() == null ? null : r.parentId().toString()).append(",\"batch_type\":");
        Json.string(b, r.spec().batchType()).append(",\"batch_mode\":");
        Json.string(b, r.spec().mode()).append(",\"season_year\":").append(r.spec().period().seasonYear())
                .append(",\"week\":").append(r.spec().period().week()).append(",\"season_type\":");
        Json.string(b, r.spec().period().seasonType().code()).append(",\"triggered_by\":");
        Json.string(b, r.spec().trigger().value()).append(",\"status\":");
        Json.string(b, r.status().code()).append(",\"started_at\":");
        Json.string(b, r.startedAt().toString()).append(",\"completed_at\":");
        Json.string(b, r.finishedAt() == null ? null : r.finishedAt().toString()).append(",\"metrics\":")
                .append(Json.counters(r.metrics())).append(",\"warnings\":").append(Json.warnings(r.warnings()))
                .append(",\"warnings_dropped\":").append(r.warningsDropped()).append(",\"error_type\":");
        Json.string(b, r.failure() == null ? null : r.failure().type()).append(",\"error_message\":");
        Json.string(b, r.failure() == null ? null : r.failure().message()).append('}');
        return b.toString();
    }

    @Override
    public String toString() {
        return "log";
    }
}
