package io.batchtrack.schedule;

import io.batchtrack.internal.Names;
import io.batchtrack.schedule.internal.CronSchedule;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One row of {@code batch_expectations}: a batch type (optionally one mode of it) is expected to run
 * at each occurrence of a five-field Unix cron expression, read in a time zone, and to have completed
 * within the grace after it.
 *
 * <p>The record holds a row as stored, even one written by hand in SQL that does not parse: the
 * evaluation reports such a row instead of failing. {@link #declare} checks everything.
 *
 * @param batchType the batch type whose runs count
 * @param mode the only mode whose runs count, or null for runs of any mode
 * @param cron minute hour day-of-month month day-of-week, for example {@code 0 6 * * 2}
 * @param zone the IANA zone the expression is read in
 * @param grace how long after an occurrence a run may complete and still be on time (zero or more)
 * @param maxDuration a running run is overdue past it; null: past 1.5 x p95 of recent successful runs
 * @param source {@link #OPERATOR} or {@link #ANNOTATION}
 * @param declaredAt only occurrences after it are slots
 */
public record Expectation(String batchType, String mode, String cron, String zone, Duration grace,
        Duration maxDuration, String source, Instant declaredAt) {
    /** The NFL's zone, the default. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/New_York");
    /** The grace when none is given (also the column's default). */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    public static final String OPERATOR = "operator";
    public static final String ANNOTATION = "annotation";

    public Expectation {
        Objects.requireNonNull(batchType, "batchType");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /**
     * A checked expectation, declared by an operator at {@code declaredAt}.
     *
     * @param mode null for runs of any mode
     * @param zone null for {@link #DEFAULT_ZONE}
     * @param grace null for {@link #DEFAULT_GRACE}
     * @param maxDuration null for the percentile rule
     * @throws IllegalArgumentException naming the value and the rule it breaks
     */
    public static Expectation declare(String batchType, String mode, String cron, String zone, Duration grace,
            Duration maxDuration, Instant declaredAt) {
        Names.requireName("batch type", batchType);
        if (mode != null) {
            Names.requireName("batch mode", mode);
        }
        Objects.requireNonNull(cron, "cron");
        String zoneId = zone == null ? DEFAULT_ZONE.getId() : requireZone(zone);
        CronSchedule.parse(cron, ZoneId.of(zoneId)); // throws naming the expression and the rule
        Duration g = grace == null ? DEFAULT_GRACE : grace;
        if (g.isNegative()) {
            throw new IllegalArgumentException("grace " + g + " is negative: a grace is zero or more (for example 2h)");
        }
        if (maxDuration != null && (maxDuration.isNegative() || maxDuration.isZero())) {
            throw new IllegalArgumentException("max duration " + maxDuration + " is not positive: a maximum duration"
                    + " is more than zero (for example 1h)");
        }
        return new Expectation(batchType, mode, cron.trim(), zoneId, g, maxDuration, OPERATOR,
                Objects.requireNonNull(declaredAt, "declaredAt"));
    }

    /** The same expectation, declared by the {@code @TrackedBatch} annotation (never replaces an operator's). */
    public Expectation fromAnnotation() {
        return new Expectation(batchType, mode, cron, zone, grace, maxDuration, ANNOTATION, declaredAt);
    }

    /** {@code weekly_update} or {@code weekly_update/full}. */
    public String name() {
        return mode == null ? batchType : batchType + "/" + mode;
    }

    /** Whether a run of {@code runType} and {@code runMode} counts for this expectation. */
    public boolean matches(String runType, String runMode) {
        return batchType.equals(runType) && (mode == null || mode.equals(runMode));
    }

    private static String requireZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone '" + zone + "' is not a known time zone: use an IANA name such as"
                    + " America/New_York or UTC");
        }
    }
}
