package io.batchtrack.examples.nfl.feed;

import io.batchtrack.Period;
import java.time.OffsetDateTime;

/**
 * A game of the schedule feed; the scores are null until the game is final.
 *
 * @param gameId {@code season_week_AWAY_HOME}, for example {@code 2024_01_BAL_KC}
 */
public record ScheduledGame(String gameId, Period period, OffsetDateTime kickoff, String awayTeam, String homeTeam,
        Integer awayScore, Integer homeScore) {

    public boolean isFinal() {
        return awayScore != null && homeScore != null;
    }
}
