package io.batchtrack.internal.store;

import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.Trigger;
import io.batchtrack.Warning;
import io.batchtrack.internal.Json;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The one JSON form of a {@link RunRecord}: an object with every field under the name of its
 * {@code batch_runs} column (the counters under {@code metrics}, the failure as {@code error_type},
 * {@code error_message}, {@code error_stack}), so an operator can read it with {@code jq}. The spool
 * keeps records in it ({@link SpoolEntry}) and the log store prints it ({@link LogRunStore}). A new
 * field of {@code RunRecord} is added here, in both directions; {@link #read} takes an absent field
 * as its default, so files written before it existed still read.
 */
public final class RunRecordJson {
    private RunRecordJson() {}

    /**
     * Appends the record as one JSON object (one line: text is escaped).
     *
     * @param idKey the name of the id's field: {@code id}, or a marker that makes the line easy to grep
     */
    public static StringBuilder append(StringBuilder b, String idKey, RunRecord r) {
        b.append('{');
        Json.string(b, idKey).append(':');
        Json.string(b, r.id().toString()).append(",\"parent_run_id\":");
        Json.string(b, r.parentId() == null ? null : r.parentId().toString()).append(",\"batch_type\":");
        RunSpec spec = r.spec();
        Json.string(b, spec.batchType()).append(",\"batch_mode\":");
        Json.string(b, spec.mode()).append(",\"season_year\":").append(spec.period().seasonYear())
                .append(",\"week\":").append(spec.period().week()).append(",\"season_type\":");
        Json.string(b, spec.period().seasonType().code()).append(",\"triggered_by\":");
        Json.string(b, spec.trigger() == null ? null : spec.trigger().value()).append(",\"exclusive\":")
                .append(spec.exclusive()).append(",\"status\":");
        Json.string(b, r.status().code()).append(",\"started_at\":");
        Json.string(b, r.startedAt().toString()).append(",\"completed_at\":");
        Json.string(b, r.finishedAt() == null ? null : r.finishedAt().toString()).append(",\"metrics\":")
                .append(Json.counters(r.metrics())).append(",\"warnings\":").append(Json.warnings(r.warnings()))
                .append(",\"warnings_dropped\":").append(r.warningsDropped())
                .append(",\"custom_metrics_dropped\":").append(r.customMetricsDropped()).append(",\"error_type\":");
        RunFailure f = r.failure();
        Json.string(b, f == null ? null : f.type()).append(",\"error_message\":");
        Json.string(b, f == null ? null : f.message()).append(",\"error_stack\":");
        Json.string(b, f == null ? null : f.stackExcerpt()).append(",\"host\":");
        Json.string(b, r.host()).append(",\"stale_limit_ms\":")
                .append(r.staleLimit() == null ? "null" : Long.toString(r.staleLimit().toMillis()));
        if (r.traceId() != null) { // only when traced: the lines of untraced runs stay as before trace ids
            b.append(",\"trace_id\":");
            Json.string(b, r.traceId());
        }
        return b.append('}');
    }

    /**
     * The record of an object that {@link #append} wrote, as {@link io.batchtrack.internal.JsonReader}
     * parsed it.
     *
     * @throws IllegalArgumentException (or another runtime exception) if it is not such an object
     */
    public static RunRecord read(Map<?, ?> m, String idKey) {
        String trigger = string(m, "triggered_by");
        RunSpec spec = new RunSpec(string(m, "batch_type"), string(m, "batch_mode"),
                new Period(toInt(m, "season_year"), toInt(m, "week"), SeasonType.fromCode(string(m, "season_type"))),
                trigger == null ? null : Trigger.of(trigger), Boolean.TRUE.equals(m.get("exclusive")));
        Map<String, Long> metrics = new TreeMap<>();
        Object counters = m.get("metrics");
        if (counters != null) {
            for (Map.Entry<?, ?> e : map(counters, "metrics").entrySet()) {
                metrics.put((String) e.getKey(), (Long) e.getValue());
            }
        }
        List<Warning> warnings = new ArrayList<>();
        if (m.get("warnings") instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> w = map(o, "warning");
                String at = string(w, "at");
                warnings.add(new Warning(string(w, "stage"), string(w, "message"), at == null ? null : Instant.parse(at)));
            }
        }
        String errorType = string(m, "error_type");
        RunFailure failure = errorType == null ? null
                : new RunFailure(errorType, string(m, "error_message"), string(m, "error_stack"));
        String parent = string(m, "parent_run_id");
        String completed = string(m, "completed_at");
        Object stale = m.get("stale_limit_ms");
        String traceId = string(m, "trace_id"); // absent from records written before trace ids
        return new RunRecord(UUID.fromString(string(m, idKey)), parent == null ? null : UUID.fromString(parent), spec,
                RunStatus.fromCode(string(m, "status")), Instant.parse(string(m, "started_at")),
                completed == null ? null : Instant.parse(completed), metrics, warnings, toLong(m, "warnings_dropped"),
                toLong(m, "custom_metrics_dropped"), failure, string(m, "host"),
                stale == null ? null : Duration.ofMillis((Long) stale),
                RunRecord.isTraceId(traceId) ? traceId : null); // a trace link is not worth losing the run over
    }

    static Map<?, ?> map(Object o, String what) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + " is not an object");
        }
        return m;
    }

    private static String string(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException(key + " is not a string");
        }
        return (String) v;
    }

    private static long toLong(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? 0 : (Long) v;
    }

    private static int toInt(Map<?, ?> m, String key) {
        return Math.toIntExact(toLong(m, key));
    }
}
