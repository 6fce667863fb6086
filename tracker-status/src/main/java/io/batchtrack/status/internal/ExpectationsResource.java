package io.batchtrack.status.internal;

import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.schedule.ExpectationStatus;
import io.batchtrack.schedule.ScheduleEvaluator;
import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.Schedules;
import java.time.Clock;
import java.util.List;

/**
 * {@code GET /api/admin/expectations}: every expected schedule with its settings, its next due
 * time and its last slots (newest first), and the overdue runs; one evaluation from the database.
 * Parameters: {@code batch_type}, {@code batch_mode} (only that expectation), {@code slots}
 * (1..10, default 10). {@link StatusHandler} routes to it, so the Host and token checks, the methods
 * and the answers to bad input and to a database that does not answer are the other endpoints'.
 */
final class ExpectationsResource {
    private ExpectationsResource() {}

    /** @throws BadRequest naming the parameter and the rule it broke */
    static String answer(BatchRunQueries q, Clock clock, QueryParams params) {
        String batchType = params.name("batch_type");
        String batchMode = params.name("batch_mode");
        if (batchMode != null && batchType == null) {
            throw new BadRequest("batch_mode", "batch_mode needs batch_type");
        }
        Integer slots = params.integer("slots", 1, ScheduleEvaluator.SLOTS);
        ScheduleReport report = Schedules.create(q.dataSource(), q.schema()).evaluate(clock);
        List<ExpectationStatus> shown = report.expectations().stream()
                .filter(s -> batchType == null || (s.expectation().batchType().equals(batchType)
                        && (batchMode == null || batchMode.equals(s.expectation().mode()))))
                .toList();
        return ExpectationsJson.of(report, shown, slots == null ? ScheduleEvaluator.SLOTS : slots);
    }
}
