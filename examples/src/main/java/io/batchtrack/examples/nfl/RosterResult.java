package io.batchtrack.examples.nfl;

import io.batchtrack.Period;
import io.batchtrack.Warning;
import java.util.List;
import java.util.UUID;

/**
 * What a roster refresh did.
 *
 * @param runId the id of the run that recorded it, or null when the call was not tracked
 */
public record RosterResult(UUID runId, Period period, int onboarded, int alreadyKnown, List<Warning> warnings) {

    public RosterResult {
        warnings = List.copyOf(warnings);
    }

    public String summary() {
        return "roster_refresh " + period + ": " + onboarded + " players onboarded, " + alreadyKnown + " already known";
    }
}
