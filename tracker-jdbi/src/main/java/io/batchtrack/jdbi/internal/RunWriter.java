package io.batchtrack.jdbi.internal;

import io.batchtrack.Metrics;
import io.batchtrack.Warning;
import io.batchtrack.internal.Json;
import io.batchtrack.internal.Text;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Binds a {@link RunRecord} to the store's two statements. Text is cleaned again here (NUL and
 * lone surrogates, which PostgreSQL text and JSONB refuse) and bounded, so a record that did not
 * come through the engine still cannot break the write.
 */
public final class RunWriter {
    static final int MAX_STAGE = 200;
    static final int MAX_WARNING_MESSAGE = 100_000;
    static final int MAX_ERROR_MESSAGE = 10_000;
    static final int MAX_ERROR_STACK = 20_000;
    static final int MAX_SHORT_TEXT = 500;

    private final Sql sql;

    public RunWriter(Sql sql) {
        this.sql = sql;
    }

    public void started(Handle handle, RunRecord run) {
        Update insert = handle.createUpdate(sql.insertStartedRun);
        bindIdentity(insert, run);
        insert.execute();
    }

    public void finished(Handle handle, RunRecord run) {
        Update upsert = handle.createUpdate(sql.upsertFinishedRun);
        bindIdentity(upsert, run);
        Duration duration = run.duration();
        upsert.bind("completed_at", Args.timestamp(run.finishedAt()))
                .bind("duration_ms", duration == null ? null : Math.max(0L, duration.toMillis()))
                .bind("heartbeat_at", Args.timestamp(run.finishedAt() != null ? run.finishedAt() : run.startedAt()))
                .bind("custom_metrics", Json.counters(customMetrics(run.metrics())))
                .bind("warnings", Json.warnings(cleanWarnings(run.warnings(), run.startedAt())))
                .bind("warnings_dropped", run.warningsDropped());
        for (String metric : Metrics.STANDARD) {
            upsert.bind(metric, run.metric(metric));
        }
        RunFailure failure = run.failure();
        upsert.bind("error_type", failure == null ? null : clean(failure.type(), MAX_SHORT_TEXT))
                .bind("error_message", failure == null ? null : clean(failure.message(), MAX_ERROR_MESSAGE))
                .bind("error_stack", failure == null ? null : clean(failure.stackExcerpt(), MAX_ERROR_STACK));
        upsert.execute();
    }

    private static void bindIdentity(Update statement, RunRecord run) {
        statement.bind("id", Args.uuid(run.id()))
                .bind("parent_run_id", Args.uuid(run.parentId()))
                .bind("batch_type", run.spec().batchType())
                .bind("batch_mode", run.spec().mode())
                .bind("season_year", run.spec().period().seasonYear())
                .bind("week", run.spec().period().week())
                .bind("season_type", run.spec().period().seasonType().code())
                .bind("triggered_by", run.spec().trigger().value())
                .bind("status", run.status().code())
                .bind("started_at", Args.timestamp(run.startedAt()))
                .bind("host", clean(run.host(), MAX_SHORT_TEXT));
    }

    private static Map<String, Long> customMetrics(Map<String, Long> metrics) {
        Map<String, Long> custom = new TreeMap<>();
        metrics.forEach((name, value) -> {
            if (Metrics.standardIndex(name) < 0) {
                custom.put(clean(name, MAX_SHORT_TEXT), value);
            }
        });
        return custom;
    }

    /** Also gives a warning without a time the run's start, which Json.warnings needs. */
    private static List<Warning> cleanWarnings(List<Warning> warnings, java.time.Instant fallbackTime) {
        List<Warning> clean = new ArrayList<>(warnings.size());
        for (Warning w : warnings) {
            clean.add(new Warning(clean(w.stage(), MAX_STAGE), clean(w.message(), MAX_WARNING_MESSAGE),
                    w.at() != null ? w.at() : fallbackTime));
        }
        return clean;
    }

    private static String clean(String s, int limit) {
        return s == null ? null : Text.clean(s, limit);
    }
}
