package io.batchtrack.examples.nfl;

import io.batchtrack.Period;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads of {@code nfl.games} that several steps share. */
final class Games {
    private Games() {}

    /** The week's game ids in kickoff order; only final games if {@code finalOnly}. */
    static List<String> ids(Connection c, Period period, boolean finalOnly) throws SQLException {
        String sql = "SELECT game_id FROM nfl.games WHERE season_year = ? AND week = ? AND season_type = ?"
                + (finalOnly ? " AND home_score IS NOT NULL AND away_score IS NOT NULL" : "")
                + " ORDER BY kickoff, game_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindPeriod(ps, 1, period);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** Binds season_year, week and season_type from parameter {@code first} on. */
    static void bindPeriod(PreparedStatement ps, int first, Period period) throws SQLException {
        ps.setInt(first, period.seasonYear());
        ps.setInt(first + 1, period.week());
        ps.setString(first + 2, period.seasonType().code());
    }
}
