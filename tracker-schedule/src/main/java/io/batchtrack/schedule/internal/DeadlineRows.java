package io.batchtrack.schedule.internal;

import io.batchtrack.schedule.ReadinessDeadline;
import io.batchtrack.schedule.ReadinessFlag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** The SQL of {@code readiness_deadlines} (see V6): one row per flag. */
public final class DeadlineRows {
    private final String table;

    /** @param quotedSchema the schema, already checked and quoted */
    public DeadlineRows(String quotedSchema) {
        this.table = quotedSchema + ".readiness_deadlines";
    }

    /** Every row, by flag (schedule first); the table's check keeps the flag to the two known ones. */
    public List<ReadinessDeadline> list(Connection c) throws SQLException {
        List<ReadinessDeadline> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT flag, cron, zone, declared_at FROM " + table
                + " ORDER BY flag DESC"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new ReadinessDeadline(ReadinessFlag.fromCode(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant()));
            }
        }
        return rows;
    }

    /**
     * Creates or replaces the flag's row. Replacing keeps the declaration time while the cron and zone
     * stay the same (the past deadlines stay), and moves it to now when they change.
     */
    public void upsert(Connection c, ReadinessDeadline d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " AS d (flag, cron, zone, declared_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (flag) DO UPDATE SET cron = EXCLUDED.cron, zone = EXCLUDED.zone,"
                + " declared_at = CASE WHEN d.cron = EXCLUDED.cron AND d.zone = EXCLUDED.zone THEN d.declared_at"
                + " ELSE EXCLUDED.declared_at END")) {
            ps.setString(1, d.flag().code());
            ps.setString(2, d.cron());
            ps.setString(3, d.zone());
            ps.setTimestamp(4, Timestamp.from(d.declaredAt()));
            ps.executeUpdate();
        }
    }

    public boolean delete(Connection c, ReadinessFlag flag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE flag = ?")) {
            ps.setString(1, flag.code());
            return ps.executeUpdate() == 1;
        }
    }
}
