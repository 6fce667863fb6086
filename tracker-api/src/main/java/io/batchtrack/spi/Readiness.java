package io.batchtrack.spi;

import io.batchtrack.Period;

/**
 * What is known to be ready for one week; a row of {@code data_readiness} without its bookkeeping.
 *
 * @param period the week
 * @param scheduleComplete whether the week's schedule is in
 * @param predictionsAvailable whether predictions exist for the week
 * @param gamesCount games known for the week
 * @param predictionsCount predictions made for the week
 */
public record Readiness(Period period, boolean scheduleComplete, boolean predictionsAvailable, long gamesCount,
        long predictionsCount) {

    public Readiness {
        if (period == null) {
            throw new IllegalArgumentException("period must not be null");
        }
        if (gamesCount < 0 || predictionsCount < 0) {
            throw new IllegalArgumentException("counts must not be negative: games_count=" + gamesCount
                    + ", predictions_count=" + predictionsCount);
        }
    }
}
