package io.batchtrack.examples.nfl;

import io.batchtrack.Period;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Predictions for the week's games. A prediction, once made, is never regenerated (the seed's
 * immutability rule): the insert skips games that have one, and those are counted as skipped.
 */
final class PredictionRun {
    private static final String GAMES = """
            SELECT g.game_id, g.home_team, g.away_team, o.home_spread
            FROM nfl.games g LEFT JOIN nfl.odds o ON o.game_id = g.game_id
            WHERE g.season_year = ? AND g.week = ? AND g.season_type = ?
            ORDER BY g.kickoff, g.game_id""";
    private static final String INSERT = """
            INSERT INTO nfl.predictions (game_id, predicted_winner, home_win_probability, predicted_margin, used_odds,
                                         model_version)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (game_id) DO NOTHING""";

    /** @param generatedWithoutOdds new predictions made without a betting line */
    record Result(int games, int generated, int skipped, int generatedWithoutOdds) {}

    private record Game(String id, String home, String away, BigDecimal homeSpread) {}

    private PredictionRun() {}

    static Result run(Connection c, Dependencies deps, Period period) throws SQLException {
        List<Game> games = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(GAMES)) {
            Games.bindPeriod(ps, 1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    games.add(new Game(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
                }
            }
        }
        int generated = 0;
        int withoutOdds = 0;
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (int i = 0; i < games.size(); i++) {
                Game g = games.get(i);
                SpreadModel.Prediction p = deps.call(Step.PREDICTIONS, i,
                        () -> SpreadModel.predict(g.home(), g.away(), g.homeSpread()));
                insert.setString(1, g.id());
                insert.setString(2, p.winner());
                insert.setBigDecimal(3, p.homeWinProbability());
                insert.setBigDecimal(4, p.homeMargin());
                insert.setBoolean(5, p.usedOdds());
                insert.setString(6, SpreadModel.VERSION);
                if (insert.executeUpdate() == 1) {
                    generated++;
                    if (!p.usedOdds()) {
                        withoutOdds++;
                    }
                }
            }
        }
        return new Result(games.size(), generated, games.size() - generated, withoutOdds);
    }
}
