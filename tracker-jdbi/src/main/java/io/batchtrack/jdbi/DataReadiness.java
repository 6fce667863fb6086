package io.batchtrack.jdbi;

import io.batchtrack.Period;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of {@code data_readiness}: what data is ready for one NFL week.
 *
 * @param period the week (season_year, week, season_type)
 * @param scheduleComplete whether the week's schedule is in
 * @param predictionsAvailable whether predictions exist for the week
 * @param gamesCount games known for the week
 * @param predictionsCount predictions made for the week
 * @param updatedAt when the row was last refreshed
 * @param lastRunId the run whose end refreshed it, or null for a manual refresh
 * @param scheduleCompleteAt since when the schedule has been complete (schema version 6), or null: not
 *     complete, or complete since a time not recorded
 * @param predictionsAvailableAt since when predictions have been available (schema version 6), or null
 */
public record DataReadiness(Period period, boolean scheduleComplete, boolean predictionsAvailable, int gamesCount,
        int predictionsCount, Instant updatedAt, UUID lastRunId, Instant scheduleCompleteAt,
        Instant predictionsAvailableAt) {

    public Optional<UUID> lastRun() {
        return Optional.ofNullable(lastRunId);
    }
}
