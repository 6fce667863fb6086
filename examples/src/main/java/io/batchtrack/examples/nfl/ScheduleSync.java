package io.batchtrack.examples.nfl;

import io.batchtrack.Period;
import io.batchtrack.examples.nfl.feed.NflFeed;
import io.batchtrack.examples.nfl.feed.ScheduledGame;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Step 1 of the weekly update: the week's games and, once played, their scores. */
final class ScheduleSync {
    private static final String UPSERT = """
            INSERT INTO nfl.games (game_id, season_year, week, season_type, kickoff, away_team, home_team,
                                   away_score, home_score)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (game_id) DO UPDATE SET kickoff = EXCLUDED.kickoff, away_score = EXCLUDED.away_score,
                home_score = EXCLUDED.home_score, updated_at = now()""";

    record Result(int gamesProcessed) {}

    private ScheduleSync() {}

    static Result run(Connection c, NflFeed feed, Dependencies deps, Period period) throws SQLException {
        List<ScheduledGame> games = deps.call(Step.SCHEDULE, 0, () -> feed.schedule(period));
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (ScheduledGame g : games) {
                if (!g.period().equals(period)) {
                    throw new IllegalStateException("the schedule feed returned game " + g.gameId() + " of "
                            + g.period() + " when asked for " + period);
                }
                ps.setString(1, g.gameId());
                Games.bindPeriod(ps, 2, period);
                ps.setObject(5, g.kickoff());
                ps.setString(6, g.awayTeam());
                ps.setString(7, g.homeTeam());
                ps.setObject(8, g.awayScore(), Types.INTEGER);
                ps.setObject(9, g.homeScore(), Types.INTEGER);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return new Result(games.size());
    }
}
