/**
 * Expected schedules: which batch types should run when ({@link io.batchtrack.schedule.Expectation},
 * stored in {@code batch_expectations}), and what became of each expected run
 * ({@link io.batchtrack.schedule.Slot}: pending, ok, late, running, failed, missed), plus the running
 * runs that are overdue. Evaluated from the database alone ({@link io.batchtrack.schedule.Schedules}),
 * so a batch JVM that never started is still noticed.
 *
 * <p>Readiness deadlines ({@link io.batchtrack.schedule.ReadinessDeadline}, stored in
 * {@code readiness_deadlines}): by each in-season cron occurrence, the NFL week containing it must have
 * a {@code data_readiness} flag true ({@link io.batchtrack.schedule.WeekDeadline}: pending, ready,
 * ready_late, late), evaluated by {@link io.batchtrack.schedule.ReadinessDeadlines}.
 */
package io.batchtrack.schedule;
