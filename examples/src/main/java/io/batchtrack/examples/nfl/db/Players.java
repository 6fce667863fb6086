package io.batchtrack.examples.nfl.db;

import io.batchtrack.examples.nfl.feed.Player;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The one statement that adds a player, shared by the bootstrap and the roster refresh. */
public final class Players {
    /** Inserts a player unless one with the id exists; the update count tells which happened. */
    public static final String INSERT = "INSERT INTO nfl.players (player_id, full_name, team_id, position)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (player_id) DO NOTHING";

    private Players() {}

    public static void bind(PreparedStatement insert, Player p) throws SQLException {
        insert.setString(1, p.playerId());
        insert.setString(2, p.fullName());
        insert.setString(3, p.teamId());
        insert.setString(4, p.position());
    }
}
