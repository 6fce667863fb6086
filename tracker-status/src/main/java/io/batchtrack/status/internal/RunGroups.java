package io.batchtrack.status.internal;

import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.BatchtrackSchema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The run metrics of {@code /metrics} in one statement: {@code batch_runs} grouped by batch type,
 * mode and status, with each group's row count, its latest completion and the duration of the run
 * that completed last.
 *
 * <p>Why one grouped pass and not index look-ups: {@code batchtrack_runs} counts every row, so some
 * pass over the table is needed whatever else is read, and the same pass gives the modes and the
 * completion times, which no index of the schema holds. Its cost is one sequential read of a table
 * that {@code batchtrack purge} keeps to its retention; its memory is one entry per group. The
 * groups read are capped at {@link #MAX_GROUPS}, which only rows written by hand with invented types
 * could reach.
 */
final class RunGroups {
    /** More groups than this are not read; one warning says so. */
    static final int MAX_GROUPS = 10_000;

    /** One (batch type, mode, status) of {@code batch_runs}; mode "" for rows without one. */
    record Group(String batchType, String mode, String status, long runs, Instant lastCompletedAt,
            Instant lastDurationAt, Double lastDurationSeconds) {}

    private RunGroups() {}

    static List<Group> read(DataSource dataSource, String schema) {
        // max() over (completion, duration) arrays picks, in the same pass, the duration of the
        // group's latest-completed run: arrays compare element by element
        String sql = "SELECT batch_type, coalesce(batch_mode, '') AS batch_mode, status, count(*) AS runs,"
                + " max(completed_at) AS last_completed_at,"
                + " (max(ARRAY[extract(epoch FROM completed_at), duration_ms::numeric])"
                + "   FILTER (WHERE completed_at IS NOT NULL AND duration_ms IS NOT NULL))[1] AS duration_at,"
                + " (max(ARRAY[extract(epoch FROM completed_at), duration_ms::numeric])"
                + "   FILTER (WHERE completed_at IS NOT NULL AND duration_ms IS NOT NULL))[2] AS duration_ms"
                + " FROM \"" + BatchtrackSchema.requireValidName(schema) + "\".batch_runs"
                + " GROUP BY batch_type, batch_mode, status ORDER BY batch_type, batch_mode, status LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, MAX_GROUPS + 1);
            List<Group> groups = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (groups.size() == MAX_GROUPS) {
                        Log.warnOnce("metrics-groups", "batchtrack /metrics shows the first " + MAX_GROUPS
                                + " (batch type, mode, status) groups of batch_runs only; the table holds more", null);
                        break;
                    }
                    Timestamp completed = rs.getTimestamp("last_completed_at");
                    BigDecimal durationAt = rs.getBigDecimal("duration_at");
                    BigDecimal durationMs = rs.getBigDecimal("duration_ms");
                    groups.add(new Group(rs.getString("batch_type"), rs.getString("batch_mode"), rs.getString("status"),
                            rs.getLong("runs"), completed == null ? null : completed.toInstant(),
                            durationAt == null ? null : Instant.ofEpochMilli(durationAt.movePointRight(3).longValue()),
                            durationMs == null ? null : durationMs.doubleValue() / 1000.0));
                }
            }
            return groups;
        } catch (SQLException e) {
            throw new IllegalStateException("batchtrack could not read batch_runs for /metrics: " + e.getMessage(), e);
        }
    }
}
