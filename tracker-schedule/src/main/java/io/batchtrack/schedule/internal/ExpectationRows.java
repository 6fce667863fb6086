package io.batchtrack.schedule.internal;

import io.batchtrack.schedule.Expectation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The SQL of {@code batch_expectations}. A mode-less row stores {@code ''} as its mode (see V4). */
public final class ExpectationRows {
    private final String table;

    /** @param quotedSchema the schema, already checked and quoted */
    public ExpectationRows(String quotedSchema) {
        this.table = quotedSchema + ".batch_expectations";
    }

    public List<Expectation> list(Connection c) throws SQLException {
        String sql = "SELECT batch_type, batch_mode, cron, zone, (extract(epoch FROM grace) * 1000)::bigint,"
                + " (extract(epoch FROM max_duration) * 1000)::bigint, source, declared_at FROM " + table
                + " ORDER BY batch_type, batch_mode";
        List<Expectation> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String mode = rs.getString(2);
                long maxMs = rs.getLong(6);
                Duration max = rs.wasNull() ? null : Duration.ofMillis(maxMs);
                rows.add(new Expectation(rs.getString(1), mode.isEmpty() ? null : mode, rs.getString(3),
                        rs.getString(4), Duration.ofMillis(rs.getLong(5)), max, rs.getString(7),
                        rs.getTimestamp(8).toInstant()));
            }
        }
        return rows;
    }

    /**
     * Creates or replaces the row of the expectation's type and mode. An annotation's row never
     * replaces an operator's. Replacing keeps the declaration time while the cron and zone stay the
     * same (the past slots stay), and moves it to now when they change (the old ones no longer apply).
     *
     * @return whether a row was written
     */
    public boolean upsert(Connection c, Expectation e) throws SQLException {
        String sql = "INSERT INTO " + table + " AS e (batch_type, batch_mode, cron, zone, grace, max_duration, source,"
                + " declared_at) VALUES (?, ?, ?, ?, ? * interval '1 millisecond', ? * interval '1 millisecond', ?, ?)"
                + " ON CONFLICT (batch_type, batch_mode) DO UPDATE SET cron = EXCLUDED.cron, zone = EXCLUDED.zone,"
                + " grace = EXCLUDED.grace, max_duration = EXCLUDED.max_duration, source = EXCLUDED.source,"
                + " declared_at = CASE WHEN e.cron = EXCLUDED.cron AND e.zone = EXCLUDED.zone THEN e.declared_at"
                + " ELSE EXCLUDED.declared_at END"
                + (Expectation.ANNOTATION.equals(e.source()) ? " WHERE e.source = 'annotation'" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, e.batchType());
            ps.setString(2, e.mode() == null ? "" : e.mode());
            ps.setString(3, e.cron());
            ps.setString(4, e.zone());
            ps.setLong(5, e.grace().toMillis());
            if (e.maxDuration() == null) {
                ps.setNull(6, Types.BIGINT);
            } else {
                ps.setLong(6, e.maxDuration().toMillis());
            }
            ps.setString(7, e.source());
            ps.setTimestamp(8, Timestamp.from(e.declaredAt()));
            return ps.executeUpdate() == 1;
        }
    }

    /** @param mode null for the type's mode-less row */
    public boolean delete(Connection c, String batchType, String mode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                + " WHERE batch_type = ? AND batch_mode = ?")) {
            ps.setString(1, batchType);
            ps.setString(2, mode == null ? "" : mode);
            return ps.executeUpdate() == 1;
        }
    }
}
