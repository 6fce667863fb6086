package io.batchtrack.cli.internal;

import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.Schedules;
import java.time.Clock;
import java.util.List;

/**
 * {@code check}: one evaluation of every expectation, from the database alone; one problem per
 * line, exit status 1 when there is any (missed, failed, late, overdue, an expectation that cannot
 * be evaluated), 0 otherwise: for cron, CI or a Nagios-style probe.
 */
final class CheckVerb {
    /** The exit status when something is wrong. */
    static final int PROBLEMS = 1;

    private CheckVerb() {}

    static int check(Invocation in) {
        Database db = in.database();
        db.requireUpToDate();
        ScheduleReport report = Schedules.create(db.dataSource(), db.schema()).evaluate(Clock.systemUTC());
        List<String> problems = report.problems();
        problems.forEach(in.out()::println);
        if (problems.isEmpty()) {
            in.out().println("ok: " + report.expectations().size() + " expectation(s); nothing missed, failed, late"
                    + " or overdue");
            return 0;
        }
        return PROBLEMS;
    }
}
