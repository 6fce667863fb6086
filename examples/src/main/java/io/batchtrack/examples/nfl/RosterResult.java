package io.batchtrack.examples.nfl;

import io.batchtrack.Period;
import java.util.UUID;

/**
 * What a roster refresh did.
 *
 * @param runId the id of the run that recorded it, or null when the call was not tracked
 */
public record RosterResult(UUID runId, Period period, int onboarded, int alreadyKnown) {

    public String summary() {
        return "roster_refresh " + period + ": " + onboarded + " players onboarded, " + alreadyKnown + " already known";
    }
}
