package io.batchtrack.status.internal;

import io.batchtrack.Period;
import io.batchtrack.schedule.DeadlineState;
import io.batchtrack.schedule.DeadlineStatus;
import io.batchtrack.schedule.ReadinessFlag;
import io.batchtrack.schedule.ReadinessReport;
import io.batchtrack.schedule.WeekDeadline;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The status page's readiness grid ({@code readiness-grid.html}): the evaluated weeks, newest first,
 * by readiness flag, each cell the state of that week's deadline (its first occurrence in the week)
 * and, on hover, the deadline and since when the flag is true. Kept apart from {@link StatusPage}:
 * one section, one template, one renderer. Nothing when no deadline is declared.
 */
final class ReadinessGrid {
    private static final Template GRID = Template.load(ReadinessGrid.class, "readiness-grid.html");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReadinessGrid() {}

    static Markup render(ReadinessReport report) {
        int weeks = report.weeks();
        if (report.deadlines().isEmpty()) {
            return Markup.EMPTY;
        }
        Map<ReadinessFlag, DeadlineStatus> byFlag = new EnumMap<>(ReadinessFlag.class);
        List<Markup> invalid = new ArrayList<>();
        for (DeadlineStatus s : report.deadlines()) {
            byFlag.put(s.deadline().flag(), s);
            if (s.invalid() != null) {
                invalid.add(fragment("invalidDeadline").render("flag", s.deadline().flag().code(), "message",
                        s.invalid()));
            }
        }
        Map<ReadinessFlag, Map<Period, WeekDeadline>> cells = new EnumMap<>(ReadinessFlag.class);
        Set<Period> periods = new LinkedHashSet<>();
        for (DeadlineStatus s : byFlag.values()) {
            Map<Period, WeekDeadline> firsts = new java.util.HashMap<>();
            for (WeekDeadline w : s.firstOfEachWeek()) {
                firsts.put(w.period(), w);
            }
            cells.put(s.deadline().flag(), firsts);
        }
        for (WeekDeadline w : newestFirst(byFlag)) {
            periods.add(w.period());
        }
        if (periods.isEmpty()) {
            return fragment("noWeeks").render("weeks", weeks, "invalid", Markup.concat(invalid));
        }
        List<Markup> headers = new ArrayList<>();
        for (ReadinessFlag f : ReadinessFlag.values()) {
            DeadlineStatus s = byFlag.get(f);
            Markup rule = s == null ? fragment("noRule").render()
                    : fragment("ruleOf").render("cron", s.deadline().cron(), "zone", s.deadline().zone());
            headers.add(fragment("header").render("label", f.column(), "rule", rule));
        }
        List<Markup> rows = new ArrayList<>();
        for (Period p : periods) {
            String id = p.seasonYear() + "-" + p.seasonType().code() + "-" + p.week();
            List<Markup> row = new ArrayList<>();
            for (ReadinessFlag f : ReadinessFlag.values()) {
                WeekDeadline w = cells.getOrDefault(f, Map.of()).get(p);
                row.add(w == null ? fragment("noCell").render("flag", f.code(), "id", id) : cell(f, id, w));
            }
            rows.add(fragment("row").render("id", id, "week", StatusPage.describe(p), "cells", Markup.concat(row)));
        }
        return fragment("grid").render("weeks", weeks, "invalid", Markup.concat(invalid),
                "headers", Markup.concat(headers), "rows", Markup.concat(rows));
    }

    /** Every flag's week deadlines, newest occurrence first: the order of the grid's rows. */
    private static List<WeekDeadline> newestFirst(Map<ReadinessFlag, DeadlineStatus> byFlag) {
        List<WeekDeadline> all = new ArrayList<>();
        byFlag.values().forEach(s -> all.addAll(s.firstOfEachWeek()));
        all.sort((a, b) -> b.occurrence().compareTo(a.occurrence()));
        return all;
    }

    private static Markup cell(ReadinessFlag flag, String id, WeekDeadline w) {
        String title = "deadline " + TIME.format(w.occurrence()) + ": " + describe(w.state(), w.readyAt());
        return fragment("cell").render("state", w.state().code(), "flag", flag.code(), "id", id, "title", title,
                "text", w.state().code().replace('_', ' '));
    }

    private static String describe(DeadlineState state, Instant readyAt) {
        String since = readyAt == null ? "" : " since " + TIME.format(readyAt);
        switch (state) {
            case READY: return "ready" + (readyAt == null ? " (since before times were kept)" : since);
            case READY_LATE: return "ready late," + since;
            case LATE: return "passed, not ready";
            default: return "not yet come, not ready";
        }
    }

    private static Template.Fragment fragment(String name) {
        return GRID.fragment(name);
    }
}
