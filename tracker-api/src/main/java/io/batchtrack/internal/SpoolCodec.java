package io.batchtrack.internal;

import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.Trigger;
import io.batchtrack.Warning;
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
 * One line of the spool per record: {@code {"op":"start"|"finish","run":{...}}}, every field of a
 * {@link RunRecord} under the names of the {@code batch_runs} columns, so an operator can read a
 * spool with {@code jq}. Nothing else goes into it: no configuration, no secret.
 */
public final class SpoolCodec {
    /** What the lifecycle was handing to the store when it could not. */
    public enum Op {
        START, FINISH;

        String code() {
            return this == START ? "start" : "finish";
        }

        static Op of(Object code) {
            if ("start".equals(code)) {
                return START;
            }
            if ("finish".equals(code)) {
                return FINISH;
            }
            throw new IllegalArgumentException("unknown spool operation " + code);
        }
    }

    /** A decoded line. */
    public record Entry(Op op, RunRecord record) {}

    private SpoolCodec() {}

    public static String encode(Op op, RunRecord r) {
        StringBuilder b = new StringBuilder(512).append("{\"op\":\"").append(op.code()).append("\",\"run\":{\"id\":");
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
        return b.append("}}").toString();
    }

    /** @throws IllegalArgumentException if the line is not a record this version wrote */
    public static Entry decode(String line) {
        Map<?, ?> top = map(JsonReader.parse(line), "line");
        Op op = Op.of(top.get("op"));
        Map<?, ?> m = map(top.get("run"), "run");
        String trigger = string(m, "triggered_by");
        RunSpec spec = new RunSpec(string(m, "batch_type"), string(m, "batch_mode"),
                new Period(toInt(m, "season_year"), toInt(m, "week"), SeasonType.fromCode(string(m, "season_type"))),
                trigger == null ? null : Trigger.of(trigger), Boolean.TRUE.equals(m.get("exclusive")));
        Map<String, Long> metrics = new TreeMap<>();
        for (Map.Entry<?, ?> e : map(m.get("metrics"), "metrics").entrySet()) {
            metrics.put((String) e.getKey(), (Long) e.getValue());
        }
        List<Warning> warnings = new ArrayList<>();
        Object ws = m.get("warnings");
        if (ws instanceof List<?> list) {
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
        RunRecord record = new RunRecord(UUID.fromString(string(m, "id")), parent == null ? null : UUID.fromString(parent),
                spec, RunStatus.fromCode(string(m, "status")), Instant.parse(string(m, "started_at")),
                completed == null ? null : Instant.parse(completed), metrics, warnings, toLong(m, "warnings_dropped"),
                toLong(m, "custom_metrics_dropped"), failure, string(m, "host"),
                stale == null ? null : Duration.ofMillis((Long) stale));
        return new Entry(op, record);
    }

    private static Map<?, ?> map(Object o, String what) {
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
