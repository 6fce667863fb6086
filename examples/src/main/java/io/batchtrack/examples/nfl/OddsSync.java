package io.batchtrack.examples.nfl;

import io.batchtrack.Period;
import io.batchtrack.examples.nfl.feed.NflFeed;
import io.batchtrack.examples.nfl.feed.OddsLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 3: the betting line of each of the week's games in the database. Unlike predictions, odds
 * move, so a sync overwrites the stored line.
 */
final class OddsSync {
    private static final String UPSERT = """
            INSERT INTO nfl.odds (game_id, sportsbook, home_spread, total_points) VALUES (?, ?, ?, ?)
            ON CONFLICT (game_id) DO UPDATE SET sportsbook = EXCLUDED.sportsbook, home_spread = EXCLUDED.home_spread,
                total_points = EXCLUDED.total_points, synced_at = now()""";

    /**
     * @param gamesInDatabase the week's games in {@code nfl.games}; the seed counts one API call per game
     * @param synced lines written
     * @param gamesWithoutOdds games the feed had no line for
     * @param linesForUnknownGames lines of games that are not in the database
     */
    record Result(int gamesInDatabase, int synced, List<String> gamesWithoutOdds, int linesForUnknownGames) {}

    private OddsSync() {}

    static Result run(Connection c, NflFeed feed, Period period) throws SQLException {
        List<String> games = Games.ids(c, period, false);
        if (games.isEmpty()) {
            return new Result(0, 0, List.of(), 0);
        }
        Map<String, OddsLine> lines = new LinkedHashMap<>();
        for (OddsLine line : feed.odds(period)) {
            lines.put(line.gameId(), line);
        }
        List<String> missing = new ArrayList<>();
        int synced = 0;
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (String gameId : games) {
                OddsLine line = lines.remove(gameId);
                if (line == null) {
                    missing.add(gameId);
                    continue;
                }
                ps.setString(1, gameId);
                ps.setString(2, line.sportsbook());
                ps.setBigDecimal(3, line.homeSpread());
                ps.setBigDecimal(4, line.totalPoints());
                synced += ps.executeUpdate();
            }
        }
        return new Result(games.size(), synced, missing, lines.size());
    }
}
