package io.batchtrack.cli.internal;

import io.batchtrack.schedule.Expectation;
import io.batchtrack.schedule.ExpectationStatus;
import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.Schedules;
import io.batchtrack.schedule.Slot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code expect}: declares (creates or replaces) the expected schedule of a batch type, or of one
 * of its modes; {@code --list} prints them, {@code --remove TYPE [--mode MODE]} deletes one. The
 * rows are plain SQL too ({@code batch_expectations}); the rules are tracker-schedule's.
 */
final class ExpectVerb {
    static final String TYPE = "TYPE";
    static final String CRON = "--cron";
    static final String ZONE = "--zone";
    static final String GRACE = "--grace";
    static final String MODE = "--mode";
    static final String MAX_DURATION = "--max-duration";
    static final String LIST = "--list";
    static final String REMOVE = "--remove";

    private static final List<String> COLUMNS = List.of("type", "mode", "cron", "zone", "grace", "max_duration",
            "source", "declared_at", "next_due", "last_due_slot");

    private ExpectVerb() {}

    static int expect(Invocation in) {
        Options o = in.options();
        int forms = (o.has(TYPE) ? 1 : 0) + (o.has(LIST) ? 1 : 0) + (o.has(REMOVE) ? 1 : 0);
        if (forms != 1) {
            throw new UsageException("expect takes one of TYPE --cron EXPR, --list or --remove TYPE (for example"
                    + " expect weekly_update --cron \"0 6 * * 2\")");
        }
        if (o.has(LIST)) {
            refuseOthers(o, LIST, List.of(CRON, ZONE, GRACE, MODE, MAX_DURATION));
            return list(in);
        }
        if (o.has(REMOVE)) {
            refuseOthers(o, REMOVE, List.of(CRON, ZONE, GRACE, MAX_DURATION));
            return remove(in, o.text(REMOVE), o.text(MODE));
        }
        if (!o.has(CRON)) {
            throw new UsageException("expect " + o.text(TYPE) + " needs --cron, five fields: minute hour day-of-month"
                    + " month day-of-week (for example --cron \"0 6 * * 2\", Tuesdays at 06:00)");
        }
        return declare(in, o);
    }

    private static int declare(Invocation in, Options o) {
        Expectation e;
        try {
            e = Expectation.declare(o.text(TYPE), o.text(MODE), o.text(CRON), o.text(ZONE), o.duration(GRACE),
                    o.duration(MAX_DURATION), Clock.systemUTC().instant());
        } catch (IllegalArgumentException bad) {
            throw new UsageException(bad.getMessage());
        }
        Database db = in.database();
        db.requireUpToDate();
        Schedules schedules = Schedules.create(db.dataSource(), db.schema());
        schedules.declare(e);
        Expectation stored = schedules.list().stream().filter(x -> x.name().equals(e.name())).findFirst().orElse(e);
        ExpectationStatus status = schedules.evaluate(Clock.systemUTC()).expectations().stream()
                .filter(x -> x.expectation().name().equals(e.name())).findFirst().orElse(null);
        in.out().println(db.where() + ": expect " + e.name() + " at '" + e.cron() + "' (" + e.zone() + "), grace "
                + text(e.grace()) + (e.maxDuration() == null ? "" : ", max duration " + text(e.maxDuration()))
                + "; declared " + Cells.time(stored.declaredAt()) + " UTC"
                + (status == null || status.nextDue() == null ? "" : ", next due " + Cells.time(status.nextDue())
                        + " UTC"));
        return 0;
    }

    private static int list(Invocation in) {
        Database db = in.database();
        db.requireUpToDate();
        ScheduleReport report = Schedules.create(db.dataSource(), db.schema()).evaluate(Clock.systemUTC());
        TextTable table = new TextTable(COLUMNS);
        for (ExpectationStatus s : report.expectations()) {
            Expectation e = s.expectation();
            table.add(List.of(e.batchType(), e.mode() == null ? "" : e.mode(), e.cron(), e.zone(), text(e.grace()),
                    e.maxDuration() == null ? "" : text(e.maxDuration()), e.source(), Cells.time(e.declaredAt()),
                    s.invalid() != null ? "(invalid: see batchtrack check)" : Cells.time(s.nextDue()),
                    lastDue(s)));
        }
        table.print(in.out());
        return 0;
    }

    /** {@code missed, 2026 week 13}: the newest slot past its due time, the one {@code check} judges. */
    private static String lastDue(ExpectationStatus s) {
        Slot slot = s.latestDue();
        return slot == null ? "" : slot.state().code() + ", " + ScheduleReport.describe(slot.period());
    }

    private static int remove(Invocation in, String type, String mode) {
        Database db = in.database();
        db.requireUpToDate();
        boolean removed = Schedules.create(db.dataSource(), db.schema()).remove(type, mode);
        String name = mode == null ? type : type + "/" + mode;
        in.out().println(db.where() + ": " + (removed ? "removed the expectation of " + name
                : "no expectation of " + name + " to remove"));
        return 0;
    }

    private static void refuseOthers(Options o, String form, List<String> others) {
        for (String other : others) {
            if (o.has(other)) {
                throw new UsageException("expect " + form + " takes no " + other);
            }
        }
    }

    /** {@code 2h}, {@code 90m}, {@code 45s}: as typed in the options. */
    static String text(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return "0s";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
