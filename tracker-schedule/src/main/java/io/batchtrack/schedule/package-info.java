/**
 * Expected schedules: which batch types should run when ({@link io.batchtrack.schedule.Expectation},
 * stored in {@code batch_expectations}), and what became of each expected run
 * ({@link io.batchtrack.schedule.Slot}: pending, ok, late, running, failed, missed), plus the running
 * runs that are overdue. Evaluated from the database alone ({@link io.batchtrack.schedule.Schedules}),
 * so a batch JVM that never started is still noticed.
 */
package io.batchtrack.schedule;
