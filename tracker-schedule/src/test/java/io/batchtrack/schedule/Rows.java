package io.batchtrack.schedule;

import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** A migrated database and plain SQL on it: rows of batch_runs written as a store (or its spool) writes them. */
final class Rows {
    final PostgresDatabase db;

    Rows(PostgresDatabase db) {
        this.db = db;
        BatchtrackSchema.migrate(db.dataSource(), "public");
    }

    /** A run of 2026 week 13; {@code completed} null for a running one. */
    UUID run(String type, String mode, String status, Instant started, Instant completed) {
        UUID id = UUID.randomUUID();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO batch_runs (id, batch_type, batch_mode, season_year, week, season_type, triggered_by,"
                        + " status, started_at, completed_at, duration_ms, heartbeat_at)"
                        + " VALUES (?, ?, ?, 2026, 13, 'reg', 'scheduler', ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, type);
            ps.setString(3, mode);
            ps.setString(4, status);
            ps.setTimestamp(5, Timestamp.from(started));
            ps.setTimestamp(6, completed == null ? null : Timestamp.from(completed));
            if (completed == null) {
                ps.setNull(7, java.sql.Types.BIGINT);
            } else {
                ps.setLong(7, completed.toEpochMilli() - started.toEpochMilli());
            }
            ps.setTimestamp(8, Timestamp.from(completed == null ? started : completed));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** A finished run of 2026 week 13 that took {@code durationMs}, with its games_processed and odds_synced. */
    UUID finished(String type, String mode, String status, Instant started, long durationMs, long games, long odds) {
        UUID id = run(type, mode, status, started, started.plusMillis(durationMs));
        execute("UPDATE batch_runs SET games_processed = " + games + ", odds_synced = " + odds + " WHERE id = '" + id
                + "'");
        return id;
    }

    void execute(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Object value(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
