package io.batchtrack.status.internal;

import io.batchtrack.Warning;
import io.batchtrack.internal.Json;
import io.batchtrack.jdbi.BatchRun;
import io.batchtrack.jdbi.DataReadiness;
import io.batchtrack.jdbi.RunExcerpt;
import io.batchtrack.schedule.Anomaly;
import io.batchtrack.schedule.RunFlags;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The endpoints' JSON, written by hand. Field names are the columns of {@code batch_runs} and
 * {@code data_readiness}, in table order; times are ISO-8601 UTC; absent values are {@code null}.
 */
public final class StatusJson {
    private StatusJson() {}

    /** One {@code batch_runs} row. */
    public static String run(BatchRun run) {
        return appendRun(new StringBuilder(1_024), run).toString();
    }

    /** One {@code batch_runs} row as the endpoints answer it: the columns, then {@code overdue} and {@code anomalies}. */
    public static String run(BatchRun run, RunFlags.Flags flags) {
        return flagged(appendRun(new StringBuilder(1_024), run), flags).toString();
    }

    /** {@code {"limit": n, "batch_runs": [...]}}, newest first. */
    public static String runs(List<BatchRun> runs, int limit) {
        StringBuilder b = new StringBuilder(64 + runs.size() * 1_024).append("{\"limit\":").append(limit)
                .append(",\"batch_runs\":[");
        for (int i = 0; i < runs.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            appendRun(b, runs.get(i));
        }
        return b.append("]}").toString();
    }

    /**
     * {@code {"limit": n, "batch_runs": [excerpts...]}}, newest first, written run by run; if the cap
     * is reached, the runs that fit and then {@code "truncated": {...}} saying how many were left out.
     */
    public static void runs(CappedBody out, List<RunExcerpt> runs, int limit, Map<UUID, RunFlags.Flags> flags)
            throws IOException {
        runs(out, runs, limit, flags, "");
    }

    /** As {@link #runs(CappedBody, List, int, Map)}, the runs' {@code detail} links under {@code mountPath}. */
    public static void runs(CappedBody out, List<RunExcerpt> runs, int limit, Map<UUID, RunFlags.Flags> flags,
            String mountPath) throws IOException {
        out.write("{\"limit\":" + limit + ",\"batch_runs\":[");
        int shown = 0;
        for (RunExcerpt r : runs) {
            if (!out.item((shown > 0 ? "," : "") + excerpt(r, flags.getOrDefault(r.run().id(), RunFlags.Flags.NONE),
                    mountPath))) {
                break;
            }
            shown++;
        }
        out.write("]");
        if (shown < runs.size()) {
            StringBuilder b = new StringBuilder(",\"truncated\":{\"runs_shown\":").append(shown)
                    .append(",\"runs_matched\":").append(runs.size()).append(",\"max_response_bytes\":")
                    .append(out.cap()).append(",\"message\":");
            Json.string(b, "the response reached its size limit after " + shown + " of " + runs.size() + " runs;"
                    + " ask for fewer (limit) or narrow the filters");
            out.write(b.append('}').toString());
        }
        out.write("}");
    }

    /**
     * A run as lists show it: the columns of {@code batch_runs}, with the error message and stack cut
     * (ending in "…" when cut) and the first warnings only, then {@code warnings_count},
     * {@code error_message_length}, {@code error_stack_length} and {@code detail}, the run's own URL,
     * then the run's {@code overdue} and {@code anomalies}.
     */
    public static String excerpt(RunExcerpt e, RunFlags.Flags flags) {
        return excerpt(e, flags, "");
    }

    /**
     * As {@link #excerpt(RunExcerpt, RunFlags.Flags)}, {@code detail} under {@code mountPath}
     * ({@link io.batchtrack.status.StatusExchange#mountPath}): the link works wherever the resources are mounted.
     */
    public static String excerpt(RunExcerpt e, RunFlags.Flags flags, String mountPath) {
        BatchRun r = e.run();
        BatchRun marked = e.errorMessageCut() || e.errorStackCut() ? withCutMarks(e) : r;
        StringBuilder b = appendRun(new StringBuilder(2_048), marked);
        b.setLength(b.length() - 1); // reopen the object
        next(b, "warnings_count").append(e.warningsCount());
        next(b, "error_message_length").append(e.errorMessageLength());
        next(b, "error_stack_length").append(e.errorStackLength());
        next(b, "detail");
        Json.string(b, mountPath + StatusHandler.API + "batch-runs/" + r.id());
        return flagged(b.append('}'), flags).toString();
    }

    /**
     * Reopens a run's object and adds {@code "overdue": true|false} and {@code "anomalies": [{"what",
     * "value", "median", "factor"}]} ({@link Anomaly#roundedFactor}; null when the median is 0).
     */
    private static StringBuilder flagged(StringBuilder b, RunFlags.Flags flags) {
        b.setLength(b.length() - 1);
        next(b, "overdue").append(flags.overdue());
        next(b, "anomalies").append('[');
        for (int i = 0; i < flags.anomalies().size(); i++) {
            Anomaly a = flags.anomalies().get(i);
            b.append(i == 0 ? "{" : ",{");
            field(b, "what");
            Json.string(b, a.what());
            next(b, "value").append(a.value());
            next(b, "median").append(a.median());
            next(b, "factor").append(Double.isInfinite(a.factor()) ? "null" : Double.toString(a.roundedFactor()));
            b.append('}');
        }
        return b.append("]}");
    }

    private static BatchRun withCutMarks(RunExcerpt e) {
        BatchRun r = e.run();
        return new BatchRun(r.id(), r.parentRunId(), r.batchType(), r.batchMode(), r.seasonYear(), r.week(),
                r.seasonType(), r.triggeredBy(), r.status(), r.startedAt(), r.completedAt(), r.durationMs(),
                r.heartbeatAt(), r.apiCallsMade(), r.gamesProcessed(), r.gameLogsAdded(), r.predictionsGenerated(),
                r.predictionsSkipped(), r.oddsSynced(), r.errorsEncountered(), r.customMetrics(), r.warnings(),
                r.warningsDropped(), r.errorType(), e.errorMessageCut() ? r.errorMessage() + "…" : r.errorMessage(),
                e.errorStackCut() ? r.errorStack() + "…" : r.errorStack(), r.host(), r.exclusive(),
                r.customMetricsDropped(), r.staleLimitMs(), r.recordedAt(), r.traceId());
    }

    /** {@code {"losses": [{"host", "pid", "process_started_at", "kind", "lost", "first_reported_at", "reported_at"}]}}. */
    public static String losses(List<io.batchtrack.jdbi.LostRecords> losses) {
        StringBuilder b = new StringBuilder(64 + 160 * losses.size()).append("{\"losses\":[");
        for (int i = 0; i < losses.size(); i++) {
            io.batchtrack.jdbi.LostRecords l = losses.get(i);
            b.append(i == 0 ? "{" : ",{");
            field(b, "host");
            Json.string(b, l.host());
            next(b, "pid").append(l.pid());
            next(b, "process_started_at");
            time(b, l.processStartedAt());
            next(b, "kind");
            Json.string(b, l.kind());
            next(b, "lost").append(l.lost());
            next(b, "first_reported_at");
            time(b, l.firstReportedAt());
            next(b, "reported_at");
            time(b, l.reportedAt());
            b.append('}');
        }
        return b.append("]}").toString();
    }

    /** One {@code data_readiness} row. */
    public static String readiness(DataReadiness d) {
        StringBuilder b = new StringBuilder(256).append('{');
        field(b, "season_year").append(d.period().seasonYear());
        next(b, "week").append(d.period().week());
        next(b, "season_type");
        Json.string(b, d.period().seasonType().code());
        next(b, "schedule_complete").append(d.scheduleComplete());
        next(b, "predictions_available").append(d.predictionsAvailable());
        next(b, "games_count").append(d.gamesCount());
        next(b, "predictions_count").append(d.predictionsCount());
        next(b, "updated_at");
        time(b, d.updatedAt());
        next(b, "last_run_id");
        uuid(b, d.lastRunId());
        next(b, "schedule_complete_at");
        time(b, d.scheduleCompleteAt());
        next(b, "predictions_available_at");
        time(b, d.predictionsAvailableAt());
        return b.append('}').toString();
    }

    /** {@code {"error": code, "parameter": ..., "message": ...}}; the parameter is left out when null. */
    public static String error(String code, String parameter, String message) {
        StringBuilder b = new StringBuilder(128).append('{');
        field(b, "error");
        Json.string(b, code);
        if (parameter != null) {
            next(b, "parameter");
            Json.string(b, parameter);
        }
        next(b, "message");
        Json.string(b, message);
        return b.append('}').toString();
    }

    private static StringBuilder appendRun(StringBuilder b, BatchRun r) {
        b.append('{');
        field(b, "id");
        uuid(b, r.id());
        next(b, "parent_run_id");
        uuid(b, r.parentRunId());
        next(b, "batch_type");
        Json.string(b, r.batchType());
        next(b, "batch_mode");
        Json.string(b, r.batchMode());
        next(b, "season_year").append(r.seasonYear());
        next(b, "week").append(r.week());
        next(b, "season_type");
        Json.string(b, r.seasonType().code());
        next(b, "triggered_by");
        Json.string(b, r.triggeredBy());
        next(b, "status");
        Json.string(b, r.status().code());
        next(b, "started_at");
        time(b, r.startedAt());
        next(b, "completed_at");
        time(b, r.completedAt());
        next(b, "duration_ms").append(r.durationMs()); // "null" when absent
        next(b, "heartbeat_at");
        time(b, r.heartbeatAt());
        next(b, "api_calls_made").append(r.apiCallsMade());
        next(b, "games_processed").append(r.gamesProcessed());
        next(b, "game_logs_added").append(r.gameLogsAdded());
        next(b, "predictions_generated").append(r.predictionsGenerated());
        next(b, "predictions_skipped").append(r.predictionsSkipped());
        next(b, "odds_synced").append(r.oddsSynced());
        next(b, "errors_encountered").append(r.errorsEncountered());
        next(b, "custom_metrics");
        customMetrics(b, r.customMetrics());
        next(b, "warnings");
        warnings(b, r.warnings());
        next(b, "warnings_dropped").append(r.warningsDropped());
        next(b, "error_type");
        Json.string(b, r.errorType());
        next(b, "error_message");
        Json.string(b, r.errorMessage());
        next(b, "error_stack");
        Json.string(b, r.errorStack());
        next(b, "host");
        Json.string(b, r.host());
        next(b, "exclusive").append(r.exclusive());
        next(b, "stale_limit_ms").append(r.staleLimitMs()); // "null" when absent
        next(b, "custom_metrics_dropped").append(r.customMetricsDropped());
        next(b, "recorded_at");
        time(b, r.recordedAt());
        next(b, "trace_id");
        Json.string(b, r.traceId());
        return b.append('}');
    }

    private static void customMetrics(StringBuilder b, Map<String, Long> metrics) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, Long> e : metrics.entrySet()) {
            if (!first) {
                b.append(',');
            }
            Json.string(b, e.getKey()).append(':').append(e.getValue());
            first = false;
        }
        b.append('}');
    }

    /** Like {@link Json#warnings}, but a hand-edited row's missing time is {@code null}, not a failure. */
    private static void warnings(StringBuilder b, List<Warning> warnings) {
        b.append('[');
        for (int i = 0; i < warnings.size(); i++) {
            Warning w = warnings.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"stage\":");
            Json.string(b, w.stage()).append(",\"message\":");
            Json.string(b, w.message()).append(",\"at\":");
            time(b, w.at());
            b.append('}');
        }
        b.append(']');
    }

    private static StringBuilder field(StringBuilder b, String name) {
        return b.append('"').append(name).append("\":");
    }

    private static StringBuilder next(StringBuilder b, String name) {
        return field(b.append(','), name);
    }

    private static void time(StringBuilder b, Instant t) {
        if (t == null) {
            b.append("null");
        } else {
            b.append('"').append(t).append('"'); // Instant.toString: ISO-8601 in UTC, "...Z"
        }
    }

    private static void uuid(StringBuilder b, UUID id) {
        if (id == null) {
            b.append("null");
        } else {
            b.append('"').append(id).append('"');
        }
    }
}
