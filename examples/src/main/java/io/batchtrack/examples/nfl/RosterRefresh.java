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

    record Result(int onboarded, int alreadyKnown) {}

    private RosterRefresh() {}

    static Result run(Connection c, NflFeed feed, Dependencies deps, Period period) throws SQLException {
        List<Player> moves = deps.call(Step.ROSTER, 0, () -> feed.rosterMoves(period));
        int onboarded = 0;
        try (PreparedStatement insert = c.prepareStatement(Players.INSERT)) {
            for (Player p : moves) {
                Players.bind(insert, p);
                onboarded += insert.executeUpdate();
            }
        }
        return new Result(onboarded, moves.size() - onboarded);
    }
}
