package io.batchtrack.conformance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The rows one front door left in its schema, every value as text (null stays null), read once after
 * its program ended.
 *
 * @param runs {@code batch_runs}, every column, oldest first
 * @param readiness {@code data_readiness}, every column, by week
 * @param comparableRuns {@code batch_runs} without ids and times, by batch type (see {@link #IDS_AND_TIMES})
 * @param comparableReadiness {@code data_readiness} without its time and run id, by week
 */
record Rows(List<Map<String, String>> runs, List<Map<String, String>> readiness,
        List<Map<String, String>> comparableRuns, List<Map<String, String>> comparableReadiness) {

    /**
     * Columns of {@code batch_runs} that differ between two executions of the same program whatever the
     * front door: ids, times and the process. Each is replaced by what can be compared: the parent's
     * batch type for its id, whether the run was completed for its times, the warnings without their
     * times, and the first line of the stack (the exception; the frames below it show the weaving).
     */
    static final Set<String> IDS_AND_TIMES = Set.of("id", "parent_run_id", "started_at", "completed_at",
            "duration_ms", "heartbeat_at", "recorded_at", "host", "warnings", "error_stack");
    static final Set<String> READINESS_IDS_AND_TIMES = Set.of("updated_at", "last_run_id", "schedule_complete_at",
            "predictions_available_at");

    static Rows read(DataSource db, String schema) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            String q = '"' + schema + '"';
            try (ResultSet exists = s.executeQuery("SELECT to_regclass('" + q + ".batch_runs') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return new Rows(List.of(), List.of(), List.of(), List.of());
                }
            }
            return new Rows(
                    query(s, "SELECT * FROM " + q + ".batch_runs ORDER BY started_at, id", Set.of()),
                    query(s, "SELECT * FROM " + q + ".data_readiness ORDER BY season_year, season_type, week",
                            Set.of()),
                    query(s, "SELECT r.*, p.batch_type AS parent_batch_type,"
                            + " r.completed_at IS NOT NULL AS completed,"
                            + " r.duration_ms >= 0 AS has_duration,"
                            + " (SELECT coalesce(jsonb_agg(w.value - 'at' ORDER BY w.ordinality), '[]'::jsonb)"
                            + "    FROM jsonb_array_elements(r.warnings) WITH ORDINALITY w) AS warnings_without_time,"
                            + " split_part(r.error_stack, E'\\n', 1) AS error_stack_first_line"
                            + " FROM " + q + ".batch_runs r LEFT JOIN " + q + ".batch_runs p ON p.id = r.parent_run_id"
                            + " ORDER BY r.batch_type, r.started_at", IDS_AND_TIMES),
                    query(s, "SELECT d.*, r.batch_type AS last_run_batch_type FROM " + q + ".data_readiness d"
                            + " LEFT JOIN " + q + ".batch_runs r ON r.id = d.last_run_id"
                            + " ORDER BY d.season_year, d.season_type, d.week", READINESS_IDS_AND_TIMES));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rows of schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static List<Map<String, String>> query(Statement s, String sql, Set<String> leftOut) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String column = md.getColumnLabel(i);
                    if (!leftOut.contains(column)) {
                        Object v = rs.getObject(i);
                        row.put(column, v == null ? null : v.toString());
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The column names of {@code batch_runs}. */
    List<String> runColumns() {
        return runs.isEmpty() ? List.of() : List.copyOf(runs.get(0).keySet());
    }
}
