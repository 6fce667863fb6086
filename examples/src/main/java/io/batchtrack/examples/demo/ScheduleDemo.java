package io.batchtrack.examples.demo;

import io.batchtrack.NflCalendar;
import io.batchtrack.Period;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's expected schedules (issue 14): the seed's three batch types declared with the agent
 * jar's {@code expect} command exactly as README's "Expected schedules" does, then a week of
 * scheduler history, then {@code expect --list} and {@code check}. The demo lasts seconds, not a
 * week, so it says what it does to have one: it moves the declarations 8 days back and records the
 * past week's scheduled runs with their past times, as a spool replay would deliver them. Every
 * weekly_update/full Tuesday and every roster_refresh day got its run on time, except the newest
 * roster_refresh day (its host was down): that slot is missed, and check exits 1 saying so.
 */
final class ScheduleDemo {
    static final List<List<String>> DECLARATIONS = List.of(
            List.of("expect", "weekly_update", "--mode", "full", "--cron", "0 6 * * 2", "--grace", "2h",
                    "--max-duration", "1h"),
            List.of("expect", "prediction_generation", "--cron", "0 10 * * 4", "--grace", "2h"),
            List.of("expect", "roster_refresh", "--cron", "0 5 * * *", "--grace", "30m"));
    static final Duration HISTORY = Duration.ofDays(8);
    /** check's exit status when it found a problem: the missed roster_refresh day. */
    static final int CHECK_PROBLEMS = 1;

    private ScheduleDemo() {}

    /** @return whether every command ended as planned */
    static boolean run(ForkedJvm jvm, Path agent, DemoDatabase db, PrintStream out)
            throws IOException, InterruptedException, SQLException {
        out.println();
        out.println("== expected schedules: the seed's three batch types, as README's Expected schedules declares them");
        boolean asPlanned = true;
        for (List<String> args : DECLARATIONS) {
            out.println("   batchtrack " + String.join(" ", quoted(args)));
            asPlanned &= jvm.run(ForkedJvm.jarCommand(agent, args)) == 0;
        }
        Instant now = Instant.now();
        out.println();
        out.println("== a week of scheduler history (the demo has seconds, not a week: the declarations are moved "
                + HISTORY.toDays() + " days back and last week's runs recorded with their past times)");
        try (Connection c = db.connect()) {
            history(c, db.trackerSchema(), now, out);
        }
        out.println();
        out.println("== batchtrack expect --list");
        asPlanned &= jvm.run(ForkedJvm.jarCommand(agent, List.of("expect", "--list"))) == 0;
        out.println();
        out.println("== batchtrack check (exit status 1: something was missed, failed, late or is overdue)");
        int check = jvm.run(ForkedJvm.jarCommand(agent, List.of("check")));
        out.println("   exit status " + check);
        return asPlanned && check == CHECK_PROBLEMS;
    }

    private static void history(Connection c, String schema, Instant now, PrintStream out) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + schema
                + ".batch_expectations SET declared_at = declared_at - ? * interval '1 day'")) {
            s.setLong(1, HISTORY.toDays());
            s.executeUpdate();
        }
        Instant declared = now.minus(HISTORY);
        List<Instant> roster = new ArrayList<>();
        Instant tuesday = null;
        LocalDate today = LocalDate.ofInstant(now, NflCalendar.ZONE);
        for (LocalDate d = today.minusDays(HISTORY.toDays()); !d.isAfter(today); d = d.plusDays(1)) {
            Instant five = ZonedDateTime.of(d, LocalTime.of(5, 0), NflCalendar.ZONE).toInstant();
            if (five.isAfter(declared) && five.plus(Duration.ofMinutes(30)).isBefore(now)) {
                roster.add(five);
            }
            Instant six = ZonedDateTime.of(d, LocalTime.of(6, 0), NflCalendar.ZONE).toInstant();
            if (d.getDayOfWeek() == DayOfWeek.TUESDAY && six.isAfter(declared) && six.plus(Duration.ofHours(2))
                    .isBefore(now)) {
                tuesday = six;
            }
        }
        String sql = "INSERT INTO " + schema + ".batch_runs (batch_type, batch_mode, season_year, week, season_type,"
                + " triggered_by, status, started_at, completed_at, duration_ms) VALUES (?, ?, ?, ?, ?, 'scheduler',"
                + " 'success', ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (tuesday != null) {
                record(ps, "weekly_update", "full", tuesday.plusSeconds(5), Duration.ofMinutes(12), out);
            }
            for (int i = 0; i < roster.size() - 1; i++) { // the newest day's run never came
                record(ps, "roster_refresh", null, roster.get(i).plusSeconds(5), Duration.ofMinutes(3), out);
            }
            if (!roster.isEmpty()) {
                out.println("   roster_refresh: no run for " + roster.get(roster.size() - 1) + " (its host was down)");
            }
        }
    }

    private static void record(PreparedStatement ps, String type, String mode, Instant started, Duration took,
            PrintStream out) throws SQLException {
        Period p = NflCalendar.periodAt(started);
        ps.setString(1, type);
        ps.setString(2, mode);
        ps.setInt(3, p.seasonYear());
        ps.setInt(4, p.week());
        ps.setString(5, p.seasonType().code());
        ps.setTimestamp(6, Timestamp.from(started));
        ps.setTimestamp(7, Timestamp.from(started.plus(took)));
        ps.setLong(8, took.toMillis());
        ps.executeUpdate();
        out.println("   recorded " + type + (mode == null ? "" : "/" + mode) + " success, started " + started
                + ", took " + took.toMinutes() + " min");
    }

    private static List<String> quoted(List<String> args) {
        return args.stream().map(a -> a.contains(" ") ? "\"" + a + "\"" : a).toList();
    }
}
