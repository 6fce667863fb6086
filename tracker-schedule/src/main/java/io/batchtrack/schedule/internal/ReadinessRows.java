package io.batchtrack.schedule.internal;

import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import io.batchtrack.schedule.ReadinessHistory;
import io.batchtrack.schedule.WeekReadiness;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** {@link ReadinessHistory} over {@code data_readiness}: a few seasons' rows, by its primary key. */
public final class ReadinessRows implements ReadinessHistory {
    private final DataSource dataSource;
    private final String table;

    /** @param quotedSchema the schema, already checked and quoted */
    public ReadinessRows(DataSource dataSource, String quotedSchema) {
        this.dataSource = dataSource;
        this.table = quotedSchema + ".data_readiness";
    }

    @Override
    public List<WeekReadiness> weeks(int fromSeasonYear, int toSeasonYear) {
        String sql = "SELECT season_year, week, season_type, schedule_complete, schedule_complete_at,"
                + " predictions_available, predictions_available_at FROM " + table
                + " WHERE season_year BETWEEN ? AND ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, fromSeasonYear);
            ps.setInt(2, toSeasonYear);
            List<WeekReadiness> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new WeekReadiness(new Period(rs.getInt(1), rs.getInt(2),
                            SeasonType.fromCode(rs.getString(3))), rs.getBoolean(4), instant(rs.getTimestamp(5)),
                            rs.getBoolean(6), instant(rs.getTimestamp(7))));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("batchtrack could not read data_readiness: " + e.getMessage(), e);
        }
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
