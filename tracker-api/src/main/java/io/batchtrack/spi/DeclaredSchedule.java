package io.batchtrack.spi;

/**
 * The expected schedule a {@code @TrackedBatch} method declares ({@code schedule}, {@code zone},
 * {@code grace}, {@code maxDuration}), as written in the annotation: tracker-api parses none of it
 * (cron expressions are tracker-schedule's). Handed to {@link RunListener#scheduleDeclared} once per
 * method and JVM; the listener that keeps expectations checks it and logs what it refuses.
 *
 * @param batchType the method's batch type
 * @param mode the annotation's mode; null when it has none, or when a {@code @TrackedBatch.Mode}
 *     argument names the mode of each call (then runs of any mode count)
 * @param cron the five-field cron expression
 * @param zone the IANA time zone, as written
 * @param grace the grace as written ({@code 2h}); empty for the default
 * @param maxDuration the maximum duration as written ({@code 1h}); empty for none
 * @param declaredBy {@code declaring.Class.method}, for log lines
 */
public record DeclaredSchedule(String batchType, String mode, String cron, String zone, String grace,
        String maxDuration, String declaredBy) {

    /** {@code @TrackedBatch(schedule = "0 6 * * 2", ...)} of {@code declaredBy}, for log lines. */
    public String describe() {
        return "the expected schedule of " + declaredBy + " (@TrackedBatch(schedule = \"" + cron + "\", zone = \""
                + zone + "\"" + (grace.isEmpty() ? "" : ", grace = \"" + grace + "\"")
                + (maxDuration.isEmpty() ? "" : ", maxDuration = \"" + maxDuration + "\"") + "))";
    }
}
