package io.batchtrack.schedule;

import java.util.Objects;

/**
 * A finished run's duration or standard counter far from what the recent successful runs of its
 * type and mode did: outside [median ÷ k, median × k] of the last {@value RunFlags#WINDOW} of them
 * ({@code k} = {@code anomaly.factor}), a counter at 0 where the median is positive included.
 *
 * @param what {@code duration_ms} or a standard counter's column, for example {@code games_processed}
 * @param value the run's own value
 * @param median the median of the same value over the successful runs before it
 * @param factor value ÷ median: 4.0 is four times the median, 0.1 a tenth, 0 a drop to zero;
 *     {@link Double#POSITIVE_INFINITY} when the median is 0 and the value is not
 */
public record Anomaly(String what, long value, double median, double factor) {
    public static final String DURATION = "duration_ms";

    public Anomaly {
        Objects.requireNonNull(what, "what");
    }

    /** Whether the value fell to zero where the median is positive. */
    public boolean droppedToZero() {
        return value == 0 && median > 0;
    }

    /** {@code games_processed 2 is 0.13 x the median 16}, {@code odds_synced dropped to 0 (median 14)}. */
    public String describe() {
        if (droppedToZero()) {
            return what + " dropped to 0 (median " + number(median) + ")";
        }
        if (Double.isInfinite(factor)) {
            return what + " " + value + " where the median is 0";
        }
        return what + " " + value + " is " + number(roundedFactor()) + " x the median " + number(median);
    }

    /**
     * The factor as it is shown: two decimals from 1 up ({@code 4.17}), two significant digits below
     * ({@code 0.13}, {@code 0.0033}), so that a steep fall does not read as 0.
     */
    public double roundedFactor() {
        if (Double.isInfinite(factor) || factor == 0) {
            return factor;
        }
        if (factor >= 1) {
            return Math.round(factor * 100) / 100.0;
        }
        return new java.math.BigDecimal(factor).round(new java.math.MathContext(2)).doubleValue();
    }

    /** {@code 16}, {@code 12.5}, {@code 0.13}: as few digits as say it. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return java.math.BigDecimal.valueOf(Math.abs(d) >= 1 ? Math.round(d * 100) / 100.0 : d).stripTrailingZeros()
                .toPlainString();
    }
}
