package io.batchtrack.examples.nfl.feed;

import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sample data shipped as class-path resources under {@code io/batchtrack/examples/nfl/sample}:
 * teams and the database's initial players, and per week {@code <year>/<type>/weekNN/} the schedule,
 * box scores, odds and roster moves. A week without files has no data. See the README there.
 */
public final class SampleFeed implements NflFeed {
    private static final String ROOT = "/io/batchtrack/examples/nfl/sample/";

    /** The 32 teams. */
    public static List<Team> teams() {
        return Csv.resource(ROOT + "teams.csv").stream()
                .map(r -> new Team(r.text("team_id"), r.text("name"), r.text("conference"), r.text("division")))
                .toList();
    }

    /** The players the database holds before the first roster refresh. */
    public static List<Player> initialPlayers() {
        return players(ROOT + "players.csv");
    }

    @Override
    public List<ScheduledGame> schedule(Period period) {
        return Csv.resource(week(period) + "schedule.csv").stream()
                .map(r -> new ScheduledGame(r.text("game_id"),
                        Period.of(r.integer("season_year"), r.integer("week"), SeasonType.fromCode(r.text("season_type"))),
                        OffsetDateTime.parse(r.text("kickoff")), r.text("away_team"), r.text("home_team"),
                        r.optionalInteger("away_score"), r.optionalInteger("home_score")))
                .toList();
    }

    @Override
    public List<BoxScoreLine> boxScore(Period period, String gameId) {
        return Csv.resource(week(period) + "box_scores.csv").stream()
                .filter(r -> r.text("game_id").equals(gameId))
                .map(r -> new BoxScoreLine(gameId, r.text("player_id"), r.text("team_id"), r.integer("passing_yards"),
                        r.integer("rushing_yards"), r.integer("receiving_yards"), r.integer("touchdowns")))
                .toList();
    }

    @Override
    public Optional<OddsLine> odds(Period period, String gameId) {
        return Csv.resource(week(period) + "odds.csv").stream()
                .filter(r -> r.text("game_id").equals(gameId))
                .map(r -> new OddsLine(gameId, r.text("sportsbook"), new BigDecimal(r.text("home_spread")),
                        new BigDecimal(r.text("total_points"))))
                .findFirst();
    }

    @Override
    public List<Player> rosterMoves(Period period) {
        return players(week(period) + "roster_moves.csv");
    }

    private static List<Player> players(String path) {
        return Csv.resource(path).stream()
                .map(r -> new Player(r.text("player_id"), r.text("full_name"), r.text("team_id"), r.text("position")))
                .toList();
    }

    private static String week(Period p) {
        return ROOT + p.seasonYear() + "/" + p.seasonType().code() + "/" + String.format(Locale.ROOT, "week%02d/", p.week());
    }
}
