package io.batchtrack.status.internal;

import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.schedule.DeadlineEvaluator;
import io.batchtrack.schedule.DeadlineStatus;
import io.batchtrack.schedule.ReadinessDeadlines;
import io.batchtrack.schedule.ReadinessFlag;
import io.batchtrack.schedule.ReadinessReport;
import java.time.Clock;
import java.util.List;

/**
 * {@code GET /api/admin/readiness-deadlines}: every readiness deadline with its occurrences in the last
 * weeks (newest first) and their states; one evaluation from the database. Parameters: {@code weeks}
 * (1..26, default 6: the current NFL week and the five before), {@code flag} ({@code schedule} or
 * {@code predictions}: only that deadline). {@link StatusHandler} routes to it, so the Host and token
 * checks, the methods and the answers to bad input and to a database that does not answer are the
 * other endpoints'.
 */
final class ReadinessDeadlinesResource {
    private ReadinessDeadlinesResource() {}

    /** @throws BadRequest naming the parameter and the rule it broke */
    static String answer(BatchRunQueries q, Clock clock, QueryParams params) {
        Integer weeks = params.integer("weeks", 1, DeadlineEvaluator.MAX_WEEKS);
        String flagName = params.raw("flag");
        ReadinessFlag flag = null;
        if (flagName != null) {
            try {
                flag = ReadinessFlag.fromCode(flagName);
            } catch (IllegalArgumentException e) {
                throw new BadRequest("flag", e.getMessage());
            }
        }
        ReadinessReport report = ReadinessDeadlines.create(q.dataSource(), q.schema())
                .evaluate(clock, weeks == null ? DeadlineEvaluator.DEFAULT_WEEKS : weeks);
        ReadinessFlag only = flag;
        List<DeadlineStatus> shown = report.deadlines().stream()
                .filter(s -> only == null || s.deadline().flag() == only).toList();
        return ReadinessDeadlinesJson.of(report, shown);
    }
}
