package io.batchtrack.internal;

import io.batchtrack.Metrics;
import io.batchtrack.spi.TextLimits;

/** The argument rules of {@link io.batchtrack.Tracker}, shared by live and no-op trackers. */
public final class Checks {
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
        if (stage.length() > TextLimits.STAGE) {
            throw new IllegalArgumentException("warning stage " + Text.quote(stage) + " is longer than "
                    + TextLimits.STAGE + " characters");
        }
        if (message == null) {
            throw new IllegalArgumentException("warning message of stage " + Text.quote(stage) + " must not be null");
        }
    }
}
