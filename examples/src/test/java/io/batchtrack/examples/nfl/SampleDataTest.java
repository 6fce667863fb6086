package io.batchtrack.examples.nfl;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.Period;
import io.batchtrack.examples.nfl.feed.BoxScoreLine;
import io.batchtrack.examples.nfl.feed.OddsLine;
import io.batchtrack.examples.nfl.feed.Player;
import io.batchtrack.examples.nfl.feed.SampleFeed;
import io.batchtrack.examples.nfl.feed.ScheduledGame;
import io.batchtrack.examples.nfl.feed.Team;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped data is what the docs and the other tests say it is. */
class SampleDataTest {
    final SampleFeed feed = new SampleFeed();
    final Period week1 = Period.regular(2024, 1);
    final List<ScheduledGame> games = feed.schedule(week1);

    @Test
    void week1HasSixteenFinalGamesInWhichEveryTeamPlaysOnce() {
        Set<String> teams = SampleFeed.teams().stream().map(Team::teamId).collect(Collectors.toSet());

        assertThat(teams).hasSize(32);
        assertThat(games).hasSize(16).allMatch(ScheduledGame::isFinal).allMatch(g -> g.period().equals(week1));
        assertThat(games.stream().flatMap(g -> Stream.of(g.awayTeam(), g.homeTeam())).toList())
                .containsExactlyInAnyOrderElementsOf(teams);
        assertThat(games).allMatch(g -> g.gameId().equals("2024_01_" + g.awayTeam() + "_" + g.homeTeam()));
        assertThat(games.get(0).kickoff().getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
    }

    @Test
    void theBoxScoresNameSixPlayersThatOnlyTheRosterMovesKnow() {
        Set<String> initial = SampleFeed.initialPlayers().stream().map(Player::playerId).collect(Collectors.toSet());
        Set<String> moved = feed.rosterMoves(week1).stream().map(Player::playerId).collect(Collectors.toSet());
        List<BoxScoreLine> lines = games.stream().flatMap(g -> feed.boxScore(week1, g.gameId()).stream()).toList();

        Set<String> unknown = lines.stream().map(BoxScoreLine::playerId).filter(p -> !initial.contains(p))
                .collect(Collectors.toSet());
        assertThat(lines).hasSize(70);
        assertThat(unknown).hasSize(6).isEqualTo(moved);
        assertThat(lines).allMatch(l -> l.gameId().contains("_" + l.teamId() + "_") || l.gameId().endsWith("_" + l.teamId()));
    }

    @Test
    void theOddsLackExactlyTheTwoGamesTheDocsName() {
        List<String> withoutOdds = games.stream().map(ScheduledGame::gameId)
                .filter(id -> feed.odds(week1, id).isEmpty()).toList();

        assertThat(withoutOdds).containsExactly("2024_01_GB_PHI", "2024_01_NYJ_SF");
        assertThat(feed.odds(week1, "2024_01_BAL_KC")).get().extracting(OddsLine::homeSpread)
                .isEqualTo(new java.math.BigDecimal("-3.0"));
    }

    @Test
    void aWeekWithoutFilesHasNoData() {
        Period week2 = Period.regular(2024, 2);

        assertThat(feed.schedule(week2)).isEmpty();
        assertThat(feed.odds(week2, "2024_02_BUF_MIA")).isEmpty();
        assertThat(feed.rosterMoves(week2)).isEmpty();
    }
}
