package io.batchtrack.schedule.internal;

import io.batchtrack.schedule.Anomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 14, item 5: a value is anomalous when it lies outside [median ÷ k, median × k] of the same
 * value over the last {@link #WINDOW} successful runs of the run's type and mode, given at least
 * {@link #MIN_SAMPLES} of them (fewer say too little: no anomaly). A counter at 0 where the median
 * is positive lies below median ÷ k, so a drop to zero is one of them. Pure: the values are given.
 */
public final class AnomalyRule {
    public static final int WINDOW = OverdueRule.WINDOW;
    public static final int MIN_SAMPLES = OverdueRule.MIN_SAMPLES;
    /** {@code anomaly.factor} unless configured. */
    public static final double DEFAULT_FACTOR = 3.0;

    private AnomalyRule() {}

    /**
     * @param values the run's values by name ({@code duration_ms}, then the standard counters), in the order to report
     * @param medians the medians of the same names over the successful runs before it (a name
     *     without one, for example a duration no earlier run has, is not judged)
     * @param samples how many successful runs the medians cover
     * @param k the factor, more than 1
     */
    public static List<Anomaly> anomalies(Map<String, Long> values, Map<String, Double> medians, int samples,
            double k) {
        List<Anomaly> found = new ArrayList<>();
        if (samples < MIN_SAMPLES) {
            return found;
        }
        for (Map.Entry<String, Long> e : values.entrySet()) {
            Double median = medians.get(e.getKey());
            Long value = e.getValue();
            if (median == null || value == null) {
                continue;
            }
            if (value < median / k || value > median * k) {
                double factor = median == 0 ? Double.POSITIVE_INFINITY : value / median;
                found.add(new Anomaly(e.getKey(), value, median, factor));
            }
        }
        return found;
    }
}
