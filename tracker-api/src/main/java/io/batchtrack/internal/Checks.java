package io.batchtrack.internal;

import io.batchtrack.Metrics;

/** The argument rules of {@link io.batchtrack.Tracker}, shared by live and no-op trackers. */
public final class Checks {
    public static final int MAX_STAGE_LENGTH = 100;

    private Checks() {}

    /** @return the standard index of the metric, or -1 for a valid custom name */
    public static int metric(String metric, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("increment of metric " + Text.quote(metric) + " by " + amount
                    + " is negative: counters only grow");
        }
        if (metric == null) {
            throw new IllegalArgumentException("metric name must not be null");
        }
        int index = Metrics.standardIndex(metric);
        if (index < 0) {
            Names.requireName("metric name", metric);
        }
        return index;
    }

    public static void warning(String stage, String message) {
        if (stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("warning stage " + Text.quote(stage) + " must not be null or blank");
        }
        if (stage.length() > MAX_STAGE_LENGTH) {
            throw new IllegalArgumentException("warning stage " + Text.quote(stage) + " is longer than "
                    + MAX_STAGE_LENGTH + " characters");
        }
        if (message == null) {
            throw new IllegalArgumentException("warning message of stage " + Text.quote(stage) + " must not be null");
        }
    }
}
