package io.batchtrack.jdbi.internal;

import io.batchtrack.Period;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.Warning;
import io.batchtrack.jdbi.BatchRun;
import io.batchtrack.jdbi.DataReadiness;
import io.batchtrack.jdbi.RunExcerpt;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/** Rows of {@code batch_runs} and {@code data_readiness} as records. */
public final class Rows {
    public static final RowMapper<BatchRun> BATCH_RUN = (rs, ctx) -> batchRun(rs);
    public static final RowMapper<DataReadiness> DATA_READINESS = (rs, ctx) -> dataReadiness(rs);
    public static final RowMapper<RunExcerpt> RUN_EXCERPT = (rs, ctx) -> new RunExcerpt(batchRun(rs),
            rs.getInt("warnings_count"), rs.getInt("error_message_length"), rs.getInt("error_stack_length"));

    private Rows() {}

    static BatchRun batchRun(ResultSet rs) throws SQLException {
        return new BatchRun(
                rs.getObject("id", UUID.class),
                rs.getObject("parent_run_id", UUID.class),
                rs.getString("batch_type"),
                rs.getString("batch_mode"),
                rs.getInt("season_year"),
                rs.getInt("week"),
                SeasonType.fromCode(rs.getString("season_type")),
                rs.getString("triggered_by"),
                RunStatus.fromCode(rs.getString("status")),
                instant(rs, "started_at"),
                instant(rs, "completed_at"),
                rs.getObject("duration_ms", Long.class),
                instant(rs, "heartbeat_at"),
                rs.getLong("api_calls_made"),
                rs.getLong("games_processed"),
                rs.getLong("game_logs_added"),
                rs.getLong("predictions_generated"),
                rs.getLong("predictions_skipped"),
                rs.getLong("odds_synced"),
                rs.getLong("errors_encountered"),
                customMetrics(strings(rs, "custom_metric_names"), strings(rs, "custom_metric_values")),
                warnings(strings(rs, "warning_stages"), strings(rs, "warning_messages"), strings(rs, "warning_times")),
                rs.getLong("warnings_dropped"),
                rs.getString("error_type"),
                rs.getString("error_message"),
                rs.getString("error_stack"),
                rs.getString("host"),
                rs.getBoolean("exclusive"),
                rs.getLong("custom_metrics_dropped"),
                rs.getObject("stale_limit_ms", Long.class),
                instant(rs, "recorded_at"),
                rs.getString("trace_id"));
    }

    static DataReadiness dataReadiness(ResultSet rs) throws SQLException {
        return new DataReadiness(
                new Period(rs.getInt("season_year"), rs.getInt("week"), SeasonType.fromCode(rs.getString("season_type"))),
                rs.getBoolean("schedule_complete"),
                rs.getBoolean("predictions_available"),
                rs.getInt("games_count"),
                rs.getInt("predictions_count"),
                instant(rs, "updated_at"),
                rs.getObject("last_run_id", UUID.class),
                instant(rs, "schedule_complete_at"),
                instant(rs, "predictions_available_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String[] strings(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        if (a == null) {
            return new String[0];
        }
        try {
            return (String[]) a.getArray();
        } finally {
            a.free();
        }
    }

    /** Values that are not whole numbers (a hand-edited row) are left out rather than failing the query. */
    private static Map<String, Long> customMetrics(String[] names, String[] values) {
        Map<String, Long> metrics = new TreeMap<>();
        for (int i = 0; i < names.length && i < values.length; i++) {
            try {
                metrics.put(names[i], Long.parseLong(values[i]));
            } catch (NumberFormatException ignored) {
                // not a counter
            }
        }
        return metrics;
    }

    private static List<Warning> warnings(String[] stages, String[] messages, String[] times) {
        List<Warning> warnings = new ArrayList<>(stages.length);
        for (int i = 0; i < stages.length; i++) {
            warnings.add(new Warning(stages[i], i < messages.length ? messages[i] : null,
                    i < times.length ? parseInstant(times[i]) : null));
        }
        return warnings;
    }

    private static Instant parseInstant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
