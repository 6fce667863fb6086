package io.batchtrack.examples.nfl;

import io.batchtrack.Period;
import io.batchtrack.examples.nfl.feed.NflFeed;
import io.batchtrack.examples.nfl.feed.OddsLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 3: the betting line of each of the week's games in the database, one odds API call per game
 * (the seed counts {@code games_count} calls). Unlike predictions, odds move, so a sync overwrites
 * the stored line.
 */
final class OddsSync {
    private static final String UPSERT = """
            INSERT INTO nfl.odds (game_id, sportsbook, home_spread, total_points) VALUES (?, ?, ?, ?)
            ON CONFLICT (game_id) DO UPDATE SET sportsbook = EXCLUDED.sportsbook, home_spread = EXCLUDED.home_spread,
                total_points = EXCLUDED.total_points, synced_at = now()""";

    /**
     * @param gamesInDatabase the week's games in {@code nfl.games}
     * @param synced lines written
     * @param gamesWithoutOdds games the books have no line for
     */
    record Result(int gamesInDatabase, int synced, List<String> gamesWithoutOdds) {}

    private OddsSync() {}

    static Result run(Connection c, NflFeed feed, Dependencies deps, Period period) throws SQLException {
        List<String> games = Games.ids(c, period, false);
        List<String> missing = new ArrayList<>();
        int synced = 0;
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (int i = 0; i < games.size(); i++) {
                String gameId = games.get(i);
                Optional<OddsLine> line = deps.call(Step.ODDS, i, () -> feed.odds(period, gameId));
                if (line.isEmpty()) {
                    missing.add(gameId);
                    continue;
                }
                ps.setString(1, gameId);
                ps.setString(2, line.get().sportsbook());
                ps.setBigDecimal(3, line.get().homeSpread());
                ps.setBigDecimal(4, line.get().totalPoints());
                synced += ps.executeUpdate();
            }
        }
        return new Result(games.size(), synced, missing);
    }
}
