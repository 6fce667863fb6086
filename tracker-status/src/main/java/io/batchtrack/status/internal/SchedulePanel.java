package io.batchtrack.status.internal;

import io.batchtrack.schedule.Expectation;
import io.batchtrack.schedule.ExpectationStatus;
import io.batchtrack.schedule.ScheduleEvaluator;
import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.Slot;
import io.batchtrack.schedule.SlotState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The page's schedule panel (issue 14, item 8): one row per expectation with its last slots as
 * coloured cells (state and NFL period on hover) and its next due time. Its own template and style
 * sheet ({@code schedule-panel.html}, {@code schedule-panel.css}), so that it stays apart from the
 * rest of the page. Pure: the evaluation is given.
 */
final class SchedulePanel {
    private static final Template PANEL = Template.load(SchedulePanel.class, "schedule-panel.html");
    /** The panel's style sheet, added to the page's. */
    static final String CSS = styleSheet();

    private SchedulePanel() {}

    /**
     * @param expectations the evaluation's expectations, in the order to show
     * @param time how the page writes a moment
     */
    static Markup render(List<ExpectationStatus> expectations, Function<Instant, Markup> time) {
        if (expectations.isEmpty()) {
            return PANEL.fragment("noExpectations").render();
        }
        List<Markup> rows = new ArrayList<>();
        for (ExpectationStatus s : expectations) {
            Expectation e = s.expectation();
            String key = e.mode() == null ? e.batchType() : e.batchType() + "-" + e.mode();
            if (s.invalid() != null) {
                rows.add(PANEL.fragment("invalidRow").render("key", key, "name", e.name(), "cron", e.cron(),
                        "zone", e.zone(), "reason", s.invalid()));
                continue;
            }
            rows.add(PANEL.fragment("row").render("key", key, "name", e.name(), "cron", e.cron(), "zone", e.zone(),
                    "grace", grace(e.grace()), "cells", cells(s.slots()),
                    "nextDue", s.nextDue() == null ? PANEL.fragment("noSlots").render() : time.apply(s.nextDue())));
        }
        return PANEL.fragment("panel").render("slots", ScheduleEvaluator.SLOTS, "rows", Markup.concat(rows));
    }

    /** Oldest first, so that time runs left to right. */
    private static Markup cells(List<Slot> newestFirst) {
        if (newestFirst.isEmpty()) {
            return PANEL.fragment("noSlots").render();
        }
        List<Markup> cells = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Slot slot = newestFirst.get(i);
            String title = ScheduleReport.describe(slot.period()) + ": " + slot.state().code() + " (occurrence "
                    + StatusPage.utc(slot.occurrence()) + ", due " + StatusPage.utc(slot.due()) + ")";
            cells.add(PANEL.fragment("cell").render("state", slot.state().code(), "title", title,
                    "symbol", symbol(slot.state())));
        }
        return Markup.concat(cells);
    }

    private static String symbol(SlotState state) {
        switch (state) {
            case OK: return "✓";
            case LATE: return "L";
            case RUNNING: return "●";
            case FAILED: return "✗";
            case MISSED: return "!";
            default: return "…";
        }
    }

    /** {@code 2h}, {@code 30m}, {@code 45s}, {@code 0s}: as the command line takes it. */
    static String grace(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
    }

    private static String styleSheet() {
        try (InputStream in = SchedulePanel.class.getResourceAsStream("schedule-panel.css")) {
            if (in == null) {
                throw new IllegalStateException("schedule-panel.css is missing beside " + SchedulePanel.class.getName());
            }
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return css.endsWith("\n") ? css.substring(0, css.length() - 1) : css;
        } catch (IOException e) {
            throw new UncheckedIOException("schedule-panel.css cannot be read", e);
        }
    }
}
