package io.batchtrack.cli.internal;

import io.batchtrack.schedule.DeadlineStatus;
import io.batchtrack.schedule.ReadinessDeadline;
import io.batchtrack.schedule.ReadinessDeadlines;
import io.batchtrack.schedule.ReadinessFlag;
import io.batchtrack.schedule.ReadinessReport;
import java.time.Clock;
import java.util.List;

/**
 * {@code expect-ready}: declares (creates or replaces) the readiness deadline of a flag, by when each
 * NFL week's {@code schedule_complete} or {@code predictions_available} must be true; {@code --list}
 * prints them, {@code --remove FLAG} deletes one. The rows are plain SQL too
 * ({@code readiness_deadlines}); the rules are tracker-schedule's.
 */
final class ExpectReadyVerb {
    static final String FLAG = "FLAG";
    static final String CRON = "--cron";
    static final String ZONE = "--zone";
    static final String LIST = "--list";
    static final String REMOVE = "--remove";

    private static final List<String> COLUMNS = List.of("flag", "column", "cron", "zone", "declared_at",
            "next_deadline");

    private ExpectReadyVerb() {}

    /** {@code FLAG}: schedule or predictions, refused by name otherwise. */
    static Option flag() {
        return new Option(FLAG, "schedule", ExpectReadyVerb::parseFlag);
    }

    /** {@code --remove FLAG}. */
    static Option remove() {
        return new Option(REMOVE, "predictions", ExpectReadyVerb::parseFlag);
    }

    private static ReadinessFlag parseFlag(String value) {
        try {
            return ReadinessFlag.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static int expectReady(Invocation in) {
        Options o = in.options();
        int forms = (o.has(FLAG) ? 1 : 0) + (o.has(LIST) ? 1 : 0) + (o.has(REMOVE) ? 1 : 0);
        if (forms != 1) {
            throw new UsageException("expect-ready takes one of FLAG --cron EXPR, --list or --remove FLAG (for"
                    + " example expect-ready predictions --cron \"0 12 * * 4\")");
        }
        if (o.has(LIST) || o.has(REMOVE)) {
            String form = o.has(LIST) ? LIST : REMOVE;
            for (String other : List.of(CRON, ZONE)) {
                if (o.has(other)) {
                    throw new UsageException("expect-ready " + form + " takes no " + other);
                }
            }
            return o.has(LIST) ? list(in) : remove(in, o.get(REMOVE, ReadinessFlag.class));
        }
        ReadinessFlag flag = o.get(FLAG, ReadinessFlag.class);
        if (!o.has(CRON)) {
            throw new UsageException("expect-ready " + flag.code() + " needs --cron, five fields: minute hour"
                    + " day-of-month month day-of-week (for example --cron \"0 12 * * 4\", Thursdays at 12:00)");
        }
        return declare(in, flag, o);
    }

    private static int declare(Invocation in, ReadinessFlag flag, Options o) {
        ReadinessDeadline d;
        try {
            d = ReadinessDeadline.declare(flag.code(), o.text(CRON), o.text(ZONE), Clock.systemUTC().instant());
        } catch (IllegalArgumentException bad) {
            throw new UsageException(bad.getMessage());
        }
        Database db = in.database();
        db.requireUpToDate();
        ReadinessDeadlines deadlines = ReadinessDeadlines.create(db.dataSource(), db.schema());
        deadlines.declare(d);
        DeadlineStatus status = statusOf(deadlines.evaluate(Clock.systemUTC()), flag);
        in.out().println(db.where() + ": expect " + flag.column() + " of each NFL week by '" + d.cron() + "' ("
                + d.zone() + ") during the season" + (status == null ? ""
                        : "; declared " + Cells.time(status.deadline().declaredAt()) + " UTC"
                                + (status.next() == null ? "" : ", next deadline " + Cells.time(status.next())
                                        + " UTC")));
        return 0;
    }

    private static DeadlineStatus statusOf(ReadinessReport report, ReadinessFlag flag) {
        return report.deadlines().stream().filter(s -> s.deadline().flag() == flag).findFirst().orElse(null);
    }

    private static int list(Invocation in) {
        Database db = in.database();
        db.requireUpToDate();
        ReadinessReport report = ReadinessDeadlines.create(db.dataSource(), db.schema()).evaluate(Clock.systemUTC());
        TextTable table = new TextTable(COLUMNS);
        for (DeadlineStatus s : report.deadlines()) {
            ReadinessDeadline d = s.deadline();
            table.add(List.of(d.flag().code(), d.flag().column(), d.cron(), d.zone(), Cells.time(d.declaredAt()),
                    s.invalid() != null ? "(invalid: see batchtrack check)" : Cells.time(s.next())));
        }
        table.print(in.out());
        return 0;
    }

    private static int remove(Invocation in, ReadinessFlag flag) {
        Database db = in.database();
        db.requireUpToDate();
        boolean removed = ReadinessDeadlines.create(db.dataSource(), db.schema()).remove(flag);
        in.out().println(db.where() + ": " + (removed ? "removed the readiness deadline of " + flag.code()
                : "no readiness deadline of " + flag.code() + " to remove"));
        return 0;
    }
}
