package io.batchtrack.alerts;

import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A migrated database and plain SQL on it: rows of batch_runs as a store writes them, rows of batch_alerts read back. */
final class Db {
    final PostgresDatabase db;

    Db(PostgresDatabase db) {
        this.db = db;
        BatchtrackSchema.migrate(db.dataSource(), "public");
    }

    /** A finished or running run of 2025 week 17; {@code completed} null for a running one. */
    UUID run(String type, String mode, String status, String errorType, Instant started, Instant completed) {
        UUID id = UUID.randomUUID();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO batch_runs (id, batch_type, batch_mode, season_year, week, season_type, triggered_by,"
                        + " status, started_at, completed_at, heartbeat_at, error_type, error_message)"
                        + " VALUES (?, ?, ?, 2025, 17, 'reg', 'scheduler', ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, type);
            ps.setString(3, mode);
            ps.setString(4, status);
            ps.setTimestamp(5, Timestamp.from(started));
            ps.setTimestamp(6, completed == null ? null : Timestamp.from(completed));
            ps.setTimestamp(7, Timestamp.from(completed == null ? started : completed));
            ps.setString(8, errorType);
            ps.setString(9, errorType == null ? null : "Box score feed returned HTTP 503\nat line 2");
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    void execute(String sql) {
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Map<String, Object>> rows(String sql) {
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        return ((Number) rows(sql).get(0).values().iterator().next()).longValue();
    }
}
