package io.batchtrack.examples.nfl.feed;

import io.batchtrack.Period;
import java.util.List;

/**
 * The external data sources of the weekly update (schedule API, box scores, odds API, roster
 * transactions). Each call stands for one API call. {@link SampleFeed} serves shipped sample data.
 */
public interface NflFeed {

    /** The week's games; empty if the feed knows none. */
    List<ScheduledGame> schedule(Period period);

    /** The box score of one game; empty if the feed has none. */
    List<BoxScoreLine> boxScore(Period period, String gameId);

    /** The week's betting lines; a game may have none. */
    List<OddsLine> odds(Period period);

    /** Players added to rosters since the last refresh, as of the week. */
    List<Player> rosterMoves(Period period);
}
