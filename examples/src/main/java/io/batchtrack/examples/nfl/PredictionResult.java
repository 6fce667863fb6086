package io.batchtrack.examples.nfl;

import io.batchtrack.Period;
import io.batchtrack.Warning;
import java.util.List;
import java.util.UUID;

/**
 * What a prediction run did.
 *
 * @param runId the id of the run that recorded it, or null when the call was not tracked
 * @param skipped games that already had a prediction, which is never regenerated
 */
public record PredictionResult(UUID runId, Period period, int generated, int skipped, int generatedWithoutOdds,
        List<Warning> warnings) {

    public PredictionResult {
        warnings = List.copyOf(warnings);
    }

    public String summary() {
        return "prediction_generation " + period + ": " + generated + " predictions generated (" + generatedWithoutOdds
                + " without odds), " + skipped + " skipped as already made";
    }
}
