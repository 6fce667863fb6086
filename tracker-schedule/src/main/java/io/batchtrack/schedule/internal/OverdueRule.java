package io.batchtrack.schedule.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a running run may take when its expectation names no maximum duration: 1.5 x the 95th
 * percentile of the last {@link #WINDOW} successful durations of its type and mode, once there are
 * at least {@link #MIN_SAMPLES} of them (fewer say too little, and the run is never overdue).
 */
public final class OverdueRule {
    public static final int WINDOW = 20;
    public static final int MIN_SAMPLES = 5;
    public static final String RULE = "1.5 x p95 of the last " + WINDOW + " successful runs";

    private OverdueRule() {}

    /** The limit, or null with fewer than {@link #MIN_SAMPLES} durations. */
    public static Duration limit(List<Duration> successfulDurations) {
        if (successfulDurations.size() < MIN_SAMPLES) {
            return null;
        }
        Duration p95 = percentile95(successfulDurations);
        return Duration.ofMillis(Math.round(p95.toMillis() * 1.5));
    }

    /** The nearest-rank 95th percentile: the smallest value at least 95 % of them do not exceed. */
    static Duration percentile95(List<Duration> durations) {
        List<Duration> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        int rank = (int) Math.ceil(0.95 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
