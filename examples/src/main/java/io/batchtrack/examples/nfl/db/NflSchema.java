package io.batchtrack.examples.nfl.db;

import io.batchtrack.examples.nfl.feed.Player;
import io.batchtrack.examples.nfl.feed.SampleFeed;
import io.batchtrack.examples.nfl.feed.Team;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The example's own tables, in schema {@value #SCHEMA} beside the tracker's tables. {@link #create}
 * is idempotent and safe to run from several processes at once; every command runs it first.
 */
public final class NflSchema {
    public static final String SCHEMA = "nfl";

    /** Serialises concurrent {@link #create} calls; CREATE ... IF NOT EXISTS alone races in PostgreSQL. */
    private static final long DDL_LOCK = 0x6e666c5f646466L;

    private static final List<String> DDL = List.of(
            "CREATE SCHEMA IF NOT EXISTS nfl",
            """
            CREATE TABLE IF NOT EXISTS nfl.teams (
                team_id    text PRIMARY KEY,
                name       text NOT NULL,
                conference text NOT NULL,
                division   text NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS nfl.players (
                player_id text PRIMARY KEY,
                full_name text NOT NULL,
                team_id   text NOT NULL REFERENCES nfl.teams,
                position  text NOT NULL,
                added_at  timestamptz NOT NULL DEFAULT now())""",
            """
            CREATE TABLE IF NOT EXISTS nfl.games (
                game_id     text PRIMARY KEY,
                season_year integer NOT NULL,
                week        integer NOT NULL,
                season_type text NOT NULL CHECK (season_type IN ('pre', 'reg', 'post')),
                kickoff     timestamptz NOT NULL,
                away_team   text NOT NULL REFERENCES nfl.teams,
                home_team   text NOT NULL REFERENCES nfl.teams,
                away_score  integer,
                home_score  integer,
                updated_at  timestamptz NOT NULL DEFAULT now())""",
            "CREATE INDEX IF NOT EXISTS games_by_week ON nfl.games (season_year, season_type, week)",
            """
            CREATE TABLE IF NOT EXISTS nfl.game_logs (
                game_id         text NOT NULL REFERENCES nfl.games,
                player_id       text NOT NULL REFERENCES nfl.players,
                team_id         text NOT NULL REFERENCES nfl.teams,
                passing_yards   integer NOT NULL,
                rushing_yards   integer NOT NULL,
                receiving_yards integer NOT NULL,
                touchdowns      integer NOT NULL,
                PRIMARY KEY (game_id, player_id))""",
            """
            CREATE TABLE IF NOT EXISTS nfl.odds (
                game_id      text PRIMARY KEY REFERENCES nfl.games,
                sportsbook   text NOT NULL,
                home_spread  numeric(4, 1) NOT NULL,
                total_points numeric(4, 1) NOT NULL,
                synced_at    timestamptz NOT NULL DEFAULT now())""",
            """
            CREATE TABLE IF NOT EXISTS nfl.predictions (
                game_id              text PRIMARY KEY REFERENCES nfl.games,
                predicted_winner     text NOT NULL REFERENCES nfl.teams,
                home_win_probability numeric(4, 3) NOT NULL CHECK (home_win_probability BETWEEN 0 AND 1),
                predicted_margin     numeric(4, 1) NOT NULL,
                used_odds            boolean NOT NULL,
                model_version        text NOT NULL,
                created_at           timestamptz NOT NULL DEFAULT now())""");

    private NflSchema() {}

    /** Creates the tables if missing and loads the teams and the initial players if missing. */
    public static void create(ConnectionSource db) throws SQLException {
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try {
                create(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void create(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, DDL_LOCK);
            lock.execute();
        }
        try (Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO nfl.teams (team_id, name, conference, division) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (team_id) DO NOTHING")) {
            for (Team t : SampleFeed.teams()) {
                ps.setString(1, t.teamId());
                ps.setString(2, t.name());
                ps.setString(3, t.conference());
                ps.setString(4, t.division());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(Players.INSERT)) {
            for (Player p : SampleFeed.initialPlayers()) {
                Players.bind(ps, p);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
