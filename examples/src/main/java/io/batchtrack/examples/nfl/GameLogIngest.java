package io.batchtrack.examples.nfl;

import io.batchtrack.Period;
import io.batchtrack.examples.nfl.feed.BoxScoreLine;
import io.batchtrack.examples.nfl.feed.NflFeed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Step 2: game logs from the box scores of the week's final games — the seed's
 * {@code update_game_logs_from_box_scores}. Lines of players the database does not know are
 * skipped (a roster refresh onboards them); lines already stored are left as they are.
 */
final class GameLogIngest {
    private static final String INSERT = """
            INSERT INTO nfl.game_logs (game_id, player_id, team_id, passing_yards, rushing_yards, receiving_yards,
                                       touchdowns)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (game_id, player_id) DO NOTHING""";

    /**
     * @param logsAdded game logs that were new
     * @param skippedPlayers ids of players in the box scores but not in {@code nfl.players}
     */
    record Result(int logsAdded, Set<String> skippedPlayers) {}

    private GameLogIngest() {}

    static Result run(Connection c, NflFeed feed, Dependencies deps, Period period) throws SQLException {
        List<String> games = Games.ids(c, period, true);
        int added = 0;
        Set<String> skipped = new TreeSet<>();
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (int i = 0; i < games.size(); i++) {
                String gameId = games.get(i);
                List<BoxScoreLine> lines = deps.call(Step.GAME_LOGS, i, () -> feed.boxScore(period, gameId));
                Set<String> known = knownPlayers(c, lines);
                for (BoxScoreLine line : lines) {
                    if (!known.contains(line.playerId())) {
                        skipped.add(line.playerId());
                        continue;
                    }
                    insert.setString(1, line.gameId());
                    insert.setString(2, line.playerId());
                    insert.setString(3, line.teamId());
                    insert.setInt(4, line.passingYards());
                    insert.setInt(5, line.rushingYards());
                    insert.setInt(6, line.receivingYards());
                    insert.setInt(7, line.touchdowns());
                    added += insert.executeUpdate();
                }
            }
        }
        return new Result(added, skipped);
    }

    private static Set<String> knownPlayers(Connection c, List<BoxScoreLine> lines) throws SQLException {
        Object[] ids = lines.stream().map(BoxScoreLine::playerId).distinct().toArray();
        try (PreparedStatement ps = c.prepareStatement("SELECT player_id FROM nfl.players WHERE player_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            Set<String> known = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
            return known;
        }
    }
}
