package io.batchtrack.examples.nfl;

import io.batchtrack.Period;
import io.batchtrack.examples.nfl.db.Players;
import io.batchtrack.examples.nfl.feed.NflFeed;
import io.batchtrack.examples.nfl.feed.Player;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Player onboarding: adds the players of the roster transactions feed the database does not know yet. */
final class RosterRefresh {

    /** @param apiCalls calls made to the roster transactions API */
    record Result(int onboarded, int alreadyKnown, int apiCalls) {}

    private RosterRefresh() {}

    static Result run(Connection c, NflFeed feed, Period period) throws SQLException {
        List<Player> moves = feed.rosterMoves(period);
        int onboarded = 0;
        try (PreparedStatement insert = c.prepareStatement(Players.INSERT)) {
            for (Player p : moves) {
                Players.bind(insert, p);
                onboarded += insert.executeUpdate();
            }
        }
        return new Result(onboarded, moves.size() - onboarded, 1);
    }
}
