package io.batchtrack.schedule;

import io.batchtrack.schedule.internal.CronSchedule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One row of {@code readiness_deadlines}: at each occurrence of a five-field Unix cron expression,
 * read in a time zone, during an NFL season, the week containing the occurrence must have the flag
 * true in {@code data_readiness}.
 *
 * <p>The record holds a row as stored, even one written by hand in SQL that does not parse: the
 * evaluation reports such a row instead of failing. {@link #declare} checks everything.
 *
 * @param flag the readiness flag
 * @param cron minute hour day-of-month month day-of-week, for example {@code 0 12 * * 4}
 * @param zone the IANA zone the expression is read in
 * @param declaredAt only occurrences after it are deadlines
 */
public record ReadinessDeadline(ReadinessFlag flag, String cron, String zone, Instant declaredAt) {
    public ReadinessDeadline {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /**
     * A checked deadline, declared at {@code declaredAt}.
     *
     * @param flag {@code schedule} or {@code predictions}
     * @param zone null for {@link Expectation#DEFAULT_ZONE}
     * @throws IllegalArgumentException naming the value and the rule it breaks
     */
    public static ReadinessDeadline declare(String flag, String cron, String zone, Instant declaredAt) {
        ReadinessFlag f = ReadinessFlag.fromCode(flag);
        Objects.requireNonNull(cron, "cron");
        String zoneId = zone == null ? Expectation.DEFAULT_ZONE.getId() : requireZone(zone);
        CronSchedule.parse(cron, ZoneId.of(zoneId)); // throws naming the expression and the rule
        return new ReadinessDeadline(f, cron.trim(), zoneId, Objects.requireNonNull(declaredAt, "declaredAt"));
    }

    /** {@code predictions readiness}: how problems name it. */
    public String name() {
        return flag.code() + " readiness";
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
