package io.batchtrack.cli.internal;

import io.batchtrack.schedule.ReadinessDeadlines;
import io.batchtrack.schedule.ReadinessReport;
import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.Schedules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check}: one evaluation of every expectation, from the database alone; one problem per
 * line, exit status 1 when there is any (missed, failed, late, overdue, an expectation that cannot
 * be evaluated, a readiness deadline whose newest occurrence passed with the week's data not ready),
 * 0 otherwise: for cron, CI or a Nagios-style probe.
 */
final class CheckVerb {
    /** The exit status when something is wrong. */
    static final int PROBLEMS = 1;

    private CheckVerb() {}

    static int check(Invocation in) {
        Database db = in.database();
        db.requireUpToDate();
        Clock clock = in.clock();
        ScheduleReport report = Schedules.create(db.dataSource(), db.schema()).evaluate(clock);
        ReadinessReport readiness = ReadinessDeadlines.create(db.dataSource(), db.schema()).evaluate(clock);
        List<String> problems = new ArrayList<>(report.problems());
        problems.addAll(readiness.problems());
        problems.forEach(in.out()::println);
        if (problems.isEmpty()) {
            in.out().println("ok: " + report.expectations().size() + " expectation(s); nothing missed, failed, late"
                    + " or overdue" + (readiness.deadlines().isEmpty() ? ""
                            : "; " + readiness.deadlines().size() + " readiness deadline(s), none past"));
            return 0;
        }
        return PROBLEMS;
    }
}
