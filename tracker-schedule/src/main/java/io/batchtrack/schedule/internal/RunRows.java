package io.batchtrack.schedule.internal;

import io.batchtrack.RunStatus;
import io.batchtrack.schedule.ObservedRun;
import io.batchtrack.schedule.RunHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link RunHistory} over {@code batch_runs}. Each read is bounded and uses an index of V1: a type's
 * runs in a window (batch_type, started_at), the running runs (the partial index on running rows),
 * a type's newest successes (batch_type, status, started_at).
 */
public final class RunRows implements RunHistory {
    /**
     * More runs than this in one expectation's window of slots are not read (a runaway loop, not a
     * schedule): the newest are kept, so the newest slots, which {@code check} judges, stay right.
     */
    public static final int MAX_RUNS = 5_000;
    private static final String COLUMNS = "id, batch_type, batch_mode, status, started_at, completed_at";

    private final DataSource dataSource;
    private final String table;

    /** @param quotedSchema the schema, already checked and quoted */
    public RunRows(DataSource dataSource, String quotedSchema) {
        this.dataSource = dataSource;
        this.table = quotedSchema + ".batch_runs";
    }

    @Override
    public List<ObservedRun> runs(String batchType, String mode, Instant from, Instant to) {
        String sql = "SELECT " + COLUMNS + " FROM " + table + " WHERE batch_type = ? AND started_at >= ?"
                + " AND started_at <= ?" + (mode == null ? "" : " AND batch_mode = ?")
                + " ORDER BY started_at DESC LIMIT " + MAX_RUNS;
        return query(sql, ps -> {
            ps.setString(1, batchType);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            if (mode != null) {
                ps.setString(4, mode);
            }
        });
    }

    @Override
    public List<ObservedRun> running() {
        return query("SELECT " + COLUMNS + " FROM " + table + " WHERE status = 'running' ORDER BY started_at"
                + " LIMIT " + MAX_RUNS, ps -> { });
    }

    @Override
    public List<Duration> successfulDurations(String batchType, String mode, int max) {
        String sql = "SELECT duration_ms FROM " + table + " WHERE batch_type = ? AND status = 'success'"
                + " AND batch_mode IS NOT DISTINCT FROM ? AND duration_ms IS NOT NULL ORDER BY started_at DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, batchType);
            ps.setString(2, mode);
            ps.setInt(3, max);
            List<Duration> durations = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    durations.add(Duration.ofMillis(rs.getLong(1)));
                }
            }
            return durations;
        } catch (SQLException e) {
            throw new IllegalStateException("batchtrack could not read the durations of " + batchType + ": "
                    + e.getMessage(), e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<ObservedRun> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<ObservedRun> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp completed = rs.getTimestamp(6);
                    runs.add(new ObservedRun(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            RunStatus.fromCode(rs.getString(4)), rs.getTimestamp(5).toInstant(),
                            completed == null ? null : completed.toInstant()));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException("batchtrack could not read batch_runs: " + e.getMessage(), e);
        }
    }
}
