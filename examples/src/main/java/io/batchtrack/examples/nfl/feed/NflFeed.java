package io.batchtrack.examples.nfl.feed;

import io.batchtrack.Period;
import java.util.List;
import java.util.Optional;

/**
 * The external data sources of the weekly update (schedule API, box scores, odds API, roster
 * transactions). Each call stands for one API call. {@link SampleFeed} serves shipped sample data.
 */
public interface NflFeed {

    /** The week's games; empty if the feed knows none. */
    List<ScheduledGame> schedule(Period period);

    /** The box score of one game; empty if the feed has none. */
    List<BoxScoreLine> boxScore(Period period, String gameId);

    /** The betting line of one game, if the books have posted one. */
    Optional<OddsLine> odds(Period period, String gameId);

    /** Players added to rosters since the last refresh, as of the week. */
    List<Player> rosterMoves(Period period);
}
