package io.batchtrack.status.internal;

import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunStatus;
import io.batchtrack.Warning;
import io.batchtrack.jdbi.BatchRun;
import io.batchtrack.jdbi.BatchTypeSummary;
import io.batchtrack.jdbi.DataReadiness;
import io.batchtrack.jdbi.RunExcerpt;
import io.batchtrack.schedule.ExpectationStatus;
import io.batchtrack.schedule.RunFlags;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The System Status page: decides which fragment of {@code status-page.html} shows each value and
 * formats the values (times, durations, weeks); the markup is the template's, the style sheet
 * {@code status-page.css}'s. A pure function of what the handler read, so that it can be rendered
 * and tested without a database. Every value from the database reaches the page escaped.
 */
public final class StatusPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Template PAGE = Template.load(StatusPage.class, "status-page.html");
    private static final Markup CSS = new Markup(styleSheet() + "\n" + SchedulePanel.CSS);

    private StatusPage() {}

    /** Where the batch types' sections go in the page fragment, to cut it into a head and a tail. */
    private static final String SECTIONS = "<!--batchtrack:batch-types-->";

    /**
     * The page in pieces, so that it can be written piece by piece under a size cap.
     *
     * @param generatedAt when the page was made
     * @param week the current NFL week
     * @param readiness that week's row, or null if none
     * @param summaries one line per batch type
     * @param recentRuns each batch type's newest runs (excerpts), newest first, in the order to show
     * @param window how many recent runs the summaries' counts cover
     */
    public static Parts render(Instant generatedAt, Period week, DataReadiness readiness,
            List<BatchTypeSummary> summaries, Map<String, List<RunExcerpt>> recentRuns, int window) {
        return render(generatedAt, week, readiness, summaries, recentRuns, window, List.of());
    }

    /** @param losses what batch JVMs reported lost ({@code batch_losses}), newest first; shown first when any */
    public static Parts render(Instant generatedAt, Period week, DataReadiness readiness,
            List<BatchTypeSummary> summaries, Map<String, List<RunExcerpt>> recentRuns, int window,
            List<io.batchtrack.jdbi.LostRecords> losses) {
        return render(generatedAt, week, readiness, summaries, recentRuns, window, losses, null, Map.of(), null);
    }

    /**
     * @param schedules the expectations' evaluation (issue 14), shown as the schedule panel; null: no panel
     * @param flags the shown runs' overdue and anomaly flags, by run id (a run without one has none)
     * @param deadlines the readiness deadlines' evaluation, shown as a grid when any is declared; or null
     */
    public static Parts render(Instant generatedAt, Period week, DataReadiness readiness,
            List<BatchTypeSummary> summaries, Map<String, List<RunExcerpt>> recentRuns, int window,
            List<io.batchtrack.jdbi.LostRecords> losses, List<ExpectationStatus> schedules,
            Map<UUID, RunFlags.Flags> flags, io.batchtrack.schedule.ReadinessReport deadlines) {
        return render(generatedAt, week, readiness, summaries, recentRuns, window, losses, schedules, flags, deadlines,
                TraceLinks.NONE);
    }

    /** @param traceLinks where a traced run links to its trace ({@code status.trace-url}) */
    public static Parts render(Instant generatedAt, Period week, DataReadiness readiness,
            List<BatchTypeSummary> summaries, Map<String, List<RunExcerpt>> recentRuns, int window,
            List<io.batchtrack.jdbi.LostRecords> losses, List<ExpectationStatus> schedules,
            Map<UUID, RunFlags.Flags> flags, io.batchtrack.schedule.ReadinessReport deadlines, TraceLinks traceLinks) {
        List<String> types = new ArrayList<>();
        for (Map.Entry<String, List<RunExcerpt>> e : recentRuns.entrySet()) {
            types.add(batchType(e.getKey(), e.getValue(), generatedAt, flags, traceLinks).toString());
        }
        String page = fragment("page").render("css", CSS, "generatedAt", time(generatedAt), "losses", losses(losses),
                "readiness", readiness(week, readiness),
                "deadlines", deadlines == null ? Markup.EMPTY : ReadinessGrid.render(deadlines),
                "schedules", schedules == null ? Markup.EMPTY : SchedulePanel.render(schedules, StatusPage::time),
                "summary", summaries(summaries, window), "batchTypes", new Markup(SECTIONS)).toString();
        int at = page.indexOf(SECTIONS);
        return new Parts(page.substring(0, at), types, page.substring(at + SECTIONS.length()));
    }

    /**
     * The page: everything before the batch types' sections, the sections, everything after.
     * {@link #write} writes the sections that fit under the cap and then says how many did not.
     */
    public record Parts(String head, List<String> sections, String tail) {
        /** The whole page, uncapped (for tests and small pages). */
        public String whole() {
            return head + String.join("", sections) + tail;
        }

        void write(CappedBody out) throws IOException {
            out.write(head);
            int shown = 0;
            for (String section : sections) {
                if (!out.item(section)) {
                    break;
                }
                shown++;
            }
            if (shown < sections.size()) {
                out.write(fragment("truncated").render("shown", shown, "total", sections.size(), "cap", out.cap())
                        .toString());
            }
            out.write(tail);
        }
    }

    private static Markup losses(List<io.batchtrack.jdbi.LostRecords> losses) {
        if (losses.isEmpty()) {
            return Markup.EMPTY;
        }
        long total = 0;
        List<Markup> rows = new ArrayList<>();
        for (io.batchtrack.jdbi.LostRecords l : losses) {
            total += l.lost();
            rows.add(fragment("lossRow").render("host", l.host(), "pid", l.pid(), "kind", l.kind(), "lost", l.lost(),
                    "reported", time(l.reportedAt())));
        }
        return fragment("losses").render("total", total, "rows", Markup.concat(rows));
    }

    private static Markup readiness(Period week, DataReadiness d) {
        if (d == null) {
            return fragment("noReadiness").render("week", describe(week));
        }
        return fragment("readiness").render("week", describe(week), "scheduleComplete", yesNo(d.scheduleComplete()),
                "predictionsAvailable", yesNo(d.predictionsAvailable()), "games", d.gamesCount(),
                "predictions", d.predictionsCount(), "updated", time(d.updatedAt()));
    }

    private static Markup yesNo(boolean v) {
        return fragment(v ? "yes" : "no").render();
    }

    private static Markup summaries(List<BatchTypeSummary> summaries, int window) {
        if (summaries.isEmpty()) {
            return fragment("noRuns").render();
        }
        List<Markup> rows = new ArrayList<>();
        for (BatchTypeSummary s : summaries) {
            Markup rate = s.successRate().isPresent()
                    ? fragment("successRate").render("percent", Math.round(s.successRate().getAsDouble() * 100),
                            "finished", s.finished())
                    : fragment("noneFinished").render();
            rows.add(fragment("summaryRow").render("type", s.batchType(), "status", status(s.lastRun().status()),
                    "started", time(s.lastRun().startedAt()), "lastSuccess", timeOrNever(s.lastSuccess()),
                    "lastFailure", timeOrNever(s.lastFailure()), "successRate", rate));
        }
        return fragment("summary").render("window", window, "rows", Markup.concat(rows));
    }

    private static Markup timeOrNever(BatchRun run) {
        return run == null ? fragment("never").render() : time(run.startedAt());
    }

    private static Markup batchType(String type, List<RunExcerpt> runs, Instant now, Map<UUID, RunFlags.Flags> flags,
            TraceLinks traceLinks) {
        List<Markup> rows = new ArrayList<>();
        for (RunExcerpt r : runs) {
            RunFlags.Flags f = flags.getOrDefault(r.run().id(), RunFlags.Flags.NONE);
            rows.add(run(r.run(), now, f, traceLinks));
            Markup detail = detail(r, f);
            if (!detail.isEmpty()) {
                rows.add(detail);
            }
        }
        return fragment("batchType").render("type", type, "count", runs.size(), "runs", runs.size() == 1 ? "run" : "runs",
                "rows", Markup.concat(rows));
    }

    private static Markup run(BatchRun r, Instant now, RunFlags.Flags flags, TraceLinks traceLinks) {
        Object duration = "";
        if (r.durationMs() != null) {
            duration = duration(r.durationMs());
        } else if (r.status() == RunStatus.RUNNING && r.startedAt() != null && now.isAfter(r.startedAt())) {
            duration = fragment("runningFor").render("duration",
                    duration(Duration.between(r.startedAt(), now).toMillis()));
        }
        return fragment("run").render("code", r.status().code(), "overdue", flags.overdue() ? " run-overdue" : "",
                "id", r.id(), "status", status(r.status()), "flags", RunMarks.flags(flags),
                "started", time(r.startedAt()), "duration", duration, "week", describe(r.period()),
                "mode", r.batchMode() == null ? fragment("dash").render() : r.batchMode(),
                "triggeredBy", r.triggeredBy(), "counters", counters(r), "trace", traceLink(r, traceLinks));
    }

    /** The link to a traced run's trace; empty without {@code status.trace-url} or a trace id. */
    private static Markup traceLink(BatchRun r, TraceLinks traceLinks) {
        String href = traceLinks.link(r.traceId());
        return href == null ? Markup.EMPTY : fragment("traceLink").render("href", href);
    }

    /** The row under a run with its failure and warnings (the first few); empty when it has neither. */
    private static Markup detail(RunExcerpt e, RunFlags.Flags flags) {
        BatchRun r = e.run();
        boolean failed = r.errorType() != null || r.errorMessage() != null;
        boolean warned = !r.warnings().isEmpty() || r.warningsDropped() > 0;
        Markup anomalies = RunMarks.anomalies(flags);
        if (!failed && !warned && anomalies.isEmpty()) {
            return Markup.EMPTY;
        }
        Markup failure = Markup.EMPTY;
        if (failed) {
            String type = r.errorType() == null ? "error" : r.errorType();
            failure = r.errorMessage() == null ? fragment("failureWithoutMessage").render("type", type)
                    : fragment("failure").render("type", type, "message", r.errorMessage(),
                            "more", e.errorMessageCut() ? wholeRun(r, "…") : Markup.EMPTY);
        }
        return fragment("detail").render("code", r.status().code(), "anomalies", anomalies, "failure", failure,
                "warnings", warned ? warnings(e) : Markup.EMPTY);
    }

    /** A link to the run's whole record, {@code GET /api/admin/batch-runs/{id}}. */
    private static Markup wholeRun(BatchRun r, String lead) {
        return fragment("wholeRun").render("lead", lead, "id", r.id());
    }

    private static Markup warnings(RunExcerpt e) {
        BatchRun r = e.run();
        List<Markup> items = new ArrayList<>();
        for (Warning w : r.warnings()) {
            Markup at = w.at() == null ? Markup.EMPTY : fragment("warningAt").render("time", time(w.at()));
            items.add(fragment("warning").render("stage", w.stage(), "at", at, "message", w.message()));
        }
        Markup notShown = e.warningsNotShown() == 0 ? Markup.EMPTY
                : fragment("warningsNotShown").render("count", e.warningsNotShown(), "whole", wholeRun(r, ""));
        Markup dropped = r.warningsDropped() == 0 ? Markup.EMPTY
                : fragment("warningsDropped").render("count", r.warningsDropped());
        long count = e.warningsCount() + r.warningsDropped();
        return fragment("warnings").render("count", count, "noun", count == 1 ? "warning" : "warnings",
                "items", Markup.concat(items), "notShown", notShown, "dropped", dropped);
    }

    /** The non-zero counters, standard ones first; nothing when all are zero. */
    private static Markup counters(BatchRun r) {
        List<Markup> items = new ArrayList<>();
        for (String metric : Metrics.STANDARD) {
            counter(items, metric, r.metric(metric));
        }
        for (Map.Entry<String, Long> e : r.customMetrics().entrySet()) {
            counter(items, e.getKey(), e.getValue());
        }
        return items.isEmpty() ? Markup.EMPTY : fragment("counters").render("items", Markup.concat(items));
    }

    private static void counter(List<Markup> items, String name, long value) {
        if (value != 0) {
            items.add(fragment("counter").render("name", name, "value", value));
        }
    }

    private static Markup status(RunStatus status) {
        String symbol;
        switch (status) {
            case SUCCESS: symbol = "✓"; break;
            case PARTIAL: symbol = "⚠"; break;
            case FAILED: symbol = "✗"; break;
            default: symbol = "●";
        }
        return fragment("status").render("code", status.code(), "symbol", symbol);
    }

    /** {@code 2026-12-01 13:00:00 UTC}: a moment as the page writes it, as plain text. */
    static String utc(Instant t) {
        return TIME.format(t);
    }

    private static Markup time(Instant t) {
        return t == null ? fragment("dash").render() : fragment("time").render("iso", t, "text", TIME.format(t));
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}, {@code 2 h 03 min}. */
    static String duration(long ms) {
        if (ms < 0) {
            return "—";
        }
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 59_950) { // rounds below "60.0 s"
            return String.format(Locale.ROOT, "%.1f s", ms / 1_000.0);
        }
        long s = ms / 1_000;
        if (s < 3_600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3_600, (s % 3_600) / 60);
    }

    /** {@code 2025 week 17}, {@code 2025 preseason week 0}, {@code 2025 postseason week 2}. */
    static String describe(Period p) {
        switch (p.seasonType()) {
            case PRE: return p.seasonYear() + " preseason week " + p.week();
            case POST: return p.seasonYear() + " postseason week " + p.week();
            default: return p.seasonYear() + " week " + p.week();
        }
    }

    static Template.Fragment fragment(String name) {
        return PAGE.fragment(name);
    }

    /** {@code status-page.css} without its final line break (the template puts one after it). */
    private static String styleSheet() {
        try (InputStream in = StatusPage.class.getResourceAsStream("status-page.css")) {
            if (in == null) {
                throw new IllegalStateException("status-page.css is missing beside " + StatusPage.class.getName());
            }
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return css.endsWith("\n") ? css.substring(0, css.length() - 1) : css;
        } catch (IOException e) {
            throw new UncheckedIOException("status-page.css cannot be read", e);
        }
    }
}
