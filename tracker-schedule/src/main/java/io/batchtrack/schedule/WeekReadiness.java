package io.batchtrack.schedule;

import io.batchtrack.Period;
import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code data_readiness} as readiness deadlines see it: each flag and since when it has
 * been true.
 *
 * @param scheduleCompleteAt null while false, or when true since a time not recorded
 * @param predictionsAvailableAt null while false, or when true since a time not recorded
 */
public record WeekReadiness(Period period, boolean scheduleComplete, Instant scheduleCompleteAt,
        boolean predictionsAvailable, Instant predictionsAvailableAt) {
    public WeekReadiness {
        Objects.requireNonNull(period, "period");
    }

    public boolean ready(ReadinessFlag flag) {
        return flag == ReadinessFlag.SCHEDULE ? scheduleComplete : predictionsAvailable;
    }

    /** Since when {@code flag} has been true, or null. */
    public Instant readyAt(ReadinessFlag flag) {
        return flag == ReadinessFlag.SCHEDULE ? scheduleCompleteAt : predictionsAvailableAt;
    }
}
