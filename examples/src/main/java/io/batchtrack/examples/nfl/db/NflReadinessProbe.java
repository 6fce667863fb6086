package io.batchtrack.examples.nfl.db;

import io.batchtrack.Period;
import io.batchtrack.spi.Readiness;
import io.batchtrack.spi.ReadinessProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the {@code nfl} tables hold for a week, for {@code data_readiness}: the schedule is complete
 * once the week has games, predictions are available once one game has a prediction.
 */
public final class NflReadinessProbe implements ReadinessProbe {
    private static final String COUNTS = """
            SELECT count(*) AS games, count(p.game_id) AS predictions
            FROM nfl.games g LEFT JOIN nfl.predictions p ON p.game_id = g.game_id
            WHERE g.season_year = ? AND g.week = ? AND g.season_type = ?""";

    private final ConnectionSource db;

    public NflReadinessProbe(ConnectionSource db) {
        this.db = db;
    }

    @Override
    public Readiness probe(Period period) throws SQLException {
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(COUNTS)) {
            ps.setInt(1, period.seasonYear());
            ps.setInt(2, period.week());
            ps.setString(3, period.seasonType().code());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long games = rs.getLong("games");
                long predictions = rs.getLong("predictions");
                return new Readiness(period, games > 0, predictions > 0, games, predictions);
            }
        }
    }
}
