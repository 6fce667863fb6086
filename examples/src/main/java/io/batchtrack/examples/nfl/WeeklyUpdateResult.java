package io.batchtrack.examples.nfl;

import io.batchtrack.Period;
import io.batchtrack.Warning;
import java.util.List;
import java.util.UUID;

/**
 * What a weekly update did; steps its mode skipped count zero.
 *
 * @param runId the id of the run that recorded it, or null when the call was not tracked
 * @param skippedPlayers players in the box scores but not in the database
 * @param gamesWithoutOdds games the odds feed had no line for
 */
public record WeeklyUpdateResult(UUID runId, Period period, WeeklyMode mode, int gamesProcessed, int gameLogsAdded,
        List<String> skippedPlayers, int oddsSynced, List<String> gamesWithoutOdds, List<Warning> warnings) {

    public WeeklyUpdateResult {
        skippedPlayers = List.copyOf(skippedPlayers);
        gamesWithoutOdds = List.copyOf(gamesWithoutOdds);
        warnings = List.copyOf(warnings);
    }

    /** One line for the console. */
    public String summary() {
        return "weekly_update [" + mode.code() + "] " + period + ": " + gamesProcessed + " games processed, "
                + gameLogsAdded + " game logs added, " + oddsSynced + " odds synced";
    }
}
