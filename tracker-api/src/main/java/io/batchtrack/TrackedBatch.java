package io.batchtrack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a batch entry point: every execution of the method is recorded as one row of
 * {@code batch_runs}, once the method is woven (the {@code -javaagent}, or AspectJ).
 *
 * <p>The run's period (season year, week, season type) and mode come from the method's
 * arguments, in this order:
 * <ol>
 *   <li>an argument of type {@link Period};</li>
 *   <li>arguments annotated {@link SeasonYear}, {@link Week} and {@link Season}
 *       (a missing season type means {@code reg}, a missing season year means the
 *       current NFL season);</li>
 *   <li>otherwise the current NFL week, from {@link NflCalendar}.</li>
 * </ol>
 * The mode is the argument annotated {@link Mode}, else {@link #mode()}, else none.
 *
 * <pre>{@code
 * @TrackedBatch(type = BatchTypes.WEEKLY_UPDATE)
 * void updateWeekly(@TrackedBatch.Mode String mode, Period period) { ... }
 *
 * @TrackedBatch(type = BatchTypes.PREDICTION_GENERATION)
 * int generatePredictions(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) { ... }
 *
 * @TrackedBatch(type = BatchTypes.ROSTER_REFRESH)   // period: the current NFL week
 * void refreshRosters() { ... }
 * }</pre>
 *
 * Constructors, abstract and native methods are never woven.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TrackedBatch {

    /** The batch type, for example {@link BatchTypes#WEEKLY_UPDATE}; custom types are allowed. */
    String type();

    /** The batch mode when no argument is annotated {@link Mode}; empty means none. */
    String mode() default "";

    /**
     * Whether at most one call may be running per batch type and period, across every process that
     * records into the same database (enforced by the database). A call that loses throws
     * {@link RunConflictException}; under {@code on-conflict=skip} a {@code void} method instead
     * returns at once without running its body (a method with a result still throws: no value is
     * made up for it). Either way the attempt is recorded as a {@code skipped} run.
     */
    boolean exclusive() default false;

    /**
     * When the batch is expected to run: a five-field Unix cron expression (minute hour day-of-month
     * month day-of-week), for example {@code "0 6 * * 2"} for Tuesdays at 06:00 in {@link #zone()}.
     * Empty (the default): no expectation. The first time a JVM sees the method (its first call,
     * under the agent or AspectJ alike) the expectation is registered in {@code batch_expectations}
     * on a background thread, never on the call's path, with {@code source = 'annotation'}; an
     * expectation an operator declared for the same type and mode ({@code batchtrack expect}, or SQL)
     * is never overwritten. Its mode is {@link #mode()}, or none (runs of any mode count) when the
     * method has a {@link Mode} argument or no mode. A value that cannot be used (a cron expression
     * that does not parse, an unknown zone, a negative grace) is logged with the value and the rule,
     * and the batch runs and is tracked as usual. Needs tracker-schedule and the jdbc store (both in
     * the agent jar). README, "Expected schedules".
     */
    String schedule() default "";

    /** The IANA time zone {@link #schedule()} is read in; default the NFL's. */
    String zone() default "America/New_York";

    /**
     * How long after each occurrence of {@link #schedule()} a run may complete and still be on
     * time, as a configuration duration ({@code 30m}, {@code 2h}, {@code PT90M}); empty: one hour.
     */
    String grace() default "";

    /**
     * How long a run of {@link #schedule()} may be running before it is overdue ({@code 1h});
     * empty: past 1.5 times the 95th percentile of its recent successful runs. Only the expected
     * schedule's rule: it does not end the run (that is the {@code max-duration} key).
     */
    String maxDuration() default "";

    /** Marks the argument (a {@code String}) that holds the batch mode. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Mode {}

    /** Marks the argument (an {@code int}, {@code long}, {@code Integer} or {@code Long}) that holds the season year. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface SeasonYear {}

    /** Marks the argument (an {@code int}, {@code long}, {@code Integer} or {@code Long}) that holds the week. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Week {}

    /** Marks the argument (a {@link SeasonType} or its code as a {@code String}) that holds the season type. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Season {}
}
