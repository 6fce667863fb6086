package io.batchtrack.status.internal;

import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunStatus;
import io.batchtrack.Warning;
import io.batchtrack.jdbi.BatchRun;
import io.batchtrack.jdbi.BatchTypeSummary;
import io.batchtrack.jdbi.DataReadiness;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The System Status page: plain HTML with inline CSS, no script and no external resource. A pure
 * function of what the handler read, so that it can be rendered and tested without a database.
 * Every value from the database is escaped.
 */
public final class StatusPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String CSS = String.join("\n",
            "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1f2328;"
                    + "background:#f6f8fa}",
            "header,main,footer{max-width:1200px;margin:0 auto;padding:0 16px}",
            "header{padding-top:16px}h1{margin:0 0 4px;font-size:24px}h2{font-size:18px;margin:0 0 8px}",
            ".generated,footer{color:#59636e;font-size:13px}",
            "section{background:#fff;border:1px solid #d1d9e0;border-radius:6px;padding:12px 16px;margin:16px 0}",
            "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;"
                    + "border-bottom:1px solid #eaeef2;vertical-align:top}th{font-size:13px;color:#59636e}",
            "tbody th{color:inherit;font-size:inherit}",
            ".status{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:13px;"
                    + "white-space:nowrap;border:1px solid}",
            ".status-success{color:#116329;background:#dafbe1;border-color:#4ac26b}",
            ".status-partial{color:#7d4e00;background:#fff8c5;border-color:#d4a72c}",
            ".status-failed{color:#a40e26;background:#ffebe9;border-color:#ff8182}",
            ".status-running{color:#0550ae;background:#ddf4ff;border-color:#54aeff}",
            ".status-unknown{color:#59636e;background:#f6f8fa;border-color:#d1d9e0}",
            ".detail td{border-bottom:1px solid #d1d9e0;padding-top:0}",
            ".failure{margin:0 0 4px;color:#a40e26;white-space:pre-wrap;overflow-wrap:anywhere}",
            "details{margin:0}summary{cursor:pointer;color:#7d4e00}",
            "details ul{margin:4px 0;padding-left:20px}details li{white-space:pre-wrap;overflow-wrap:anywhere}",
            ".counters{margin:0;padding:0;list-style:none}.counters li{display:inline-block;margin-right:10px}",
            ".counters .k{color:#59636e}.num{font-variant-numeric:tabular-nums}",
            ".readiness{display:flex;flex-wrap:wrap;gap:8px 32px;margin:0}",
            ".readiness dt{font-size:13px;color:#59636e}.readiness dd{margin:0;font-size:20px;font-weight:600}",
            ".readiness dd .muted{font-size:15px;font-weight:400}time,.nowrap{white-space:nowrap}",
            ".yes{color:#116329}.no{color:#a40e26}.muted{color:#59636e}",
            "a{color:#0969da}");

    private StatusPage() {}

    /**
     * @param generatedAt when the page was made
     * @param week the current NFL week
     * @param readiness that week's row, or null if none
     * @param summaries one line per batch type
     * @param recentRuns each batch type's newest runs, newest first, in the order to show
     * @param window how many recent runs the summaries' counts cover
     */
    public static String render(Instant generatedAt, Period week, DataReadiness readiness,
            List<BatchTypeSummary> summaries, Map<String, List<BatchRun>> recentRuns, int window) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>System Status</title>\n<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
        b.append("<header>\n<h1>System Status</h1>\n<p class=\"generated\" id=\"generated\">Generated at ");
        time(b, generatedAt);
        b.append("</p>\n</header>\n<main>\n");
        readiness(b, week, readiness);
        summaries(b, summaries, window, generatedAt);
        for (Map.Entry<String, List<BatchRun>> e : recentRuns.entrySet()) {
            batchType(b, e.getKey(), e.getValue(), generatedAt);
        }
        b.append("</main>\n<footer>\n<p>JSON: <a href=\"/api/admin/batch-runs/latest\">latest run</a> · ")
                .append("<a href=\"/api/admin/batch-runs/history\">history</a> · ")
                .append("<a href=\"/api/admin/data-readiness/current\">current week's readiness</a></p>\n")
                .append("</footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void readiness(StringBuilder b, Period week, DataReadiness d) {
        b.append("<section id=\"readiness\">\n<h2>Data readiness: ");
        Html.text(b, describe(week)).append("</h2>\n");
        if (d == null) {
            b.append("<p class=\"muted\">Nothing is recorded for this week yet.</p>\n</section>\n");
            return;
        }
        b.append("<dl class=\"readiness\">\n");
        definition(b, "schedule-complete", "Schedule complete", yesNo(d.scheduleComplete()));
        definition(b, "predictions-available", "Predictions available", yesNo(d.predictionsAvailable()));
        definition(b, "games-count", "Games", "<span class=\"num\">" + d.gamesCount() + "</span>");
        definition(b, "predictions-count", "Predictions", "<span class=\"num\">" + d.predictionsCount() + "</span>");
        StringBuilder updated = new StringBuilder("<span class=\"muted\">");
        time(updated, d.updatedAt());
        definition(b, "readiness-updated", "Updated", updated.append("</span>").toString());
        b.append("</dl>\n</section>\n");
    }

    private static void definition(StringBuilder b, String id, String term, String html) {
        b.append("<div id=\"").append(id).append("\"><dt>").append(term).append("</dt><dd>").append(html)
                .append("</dd></div>\n");
    }

    private static String yesNo(boolean v) {
        return v ? "<span class=\"yes\">yes</span>" : "<span class=\"no\">no</span>";
    }

    private static void summaries(StringBuilder b, List<BatchTypeSummary> summaries, int window, Instant now) {
        b.append("<section id=\"summary\">\n<h2>Batch types</h2>\n");
        if (summaries.isEmpty()) {
            b.append("<p class=\"muted\">No batch run is recorded yet.</p>\n</section>\n");
            return;
        }
        b.append("<table>\n<thead><tr><th>Batch type</th><th>Latest run</th><th>Last success</th>")
                .append("<th>Last failure</th><th>Success rate (last ").append(window)
                .append(" runs)</th></tr></thead>\n<tbody>\n");
        for (BatchTypeSummary s : summaries) {
            b.append("<tr id=\"summary-").append(Html.escape(s.batchType())).append("\"><th scope=\"row\">")
                    .append("<a href=\"#type-").append(Html.escape(s.batchType())).append("\">");
            Html.text(b, s.batchType()).append("</a></th><td>");
            status(b, s.lastRun().status());
            b.append(' ');
            time(b, s.lastRun().startedAt());
            b.append("</td><td>");
            timeOrNever(b, s.lastSuccess());
            b.append("</td><td>");
            timeOrNever(b, s.lastFailure());
            b.append("</td><td class=\"num\">");
            if (s.successRate().isPresent()) {
                b.append(Math.round(s.successRate().getAsDouble() * 100)).append("% <span class=\"muted\">of ")
                        .append(s.finished()).append(" finished</span>");
            } else {
                b.append("<span class=\"muted\">none finished</span>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private static void timeOrNever(StringBuilder b, BatchRun run) {
        if (run == null) {
            b.append("<span class=\"muted\">never</span>");
        } else {
            time(b, run.startedAt());
        }
    }

    private static void batchType(StringBuilder b, String type, List<BatchRun> runs, Instant now) {
        b.append("<section class=\"batch-type\" id=\"type-").append(Html.escape(type)).append("\">\n<h2>");
        Html.text(b, type).append(" <span class=\"muted\">· latest ").append(runs.size()).append(runs.size() == 1
                ? " run" : " runs").append("</span></h2>\n");
        b.append("<table class=\"runs\">\n<thead><tr><th>Status</th><th>Started</th><th>Duration</th><th>Week</th>")
                .append("<th>Mode</th><th>Triggered by</th><th>Counters</th></tr></thead>\n<tbody>\n");
        for (BatchRun run : runs) {
            run(b, run, now);
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private static void run(StringBuilder b, BatchRun r, Instant now) {
        String status = r.status().code();
        b.append("<tr class=\"run run-").append(status).append("\" id=\"run-").append(r.id()).append("\"><td>");
        status(b, r.status());
        b.append("</td><td>");
        time(b, r.startedAt());
        b.append("</td><td class=\"num\">");
        if (r.durationMs() != null) {
            b.append(duration(r.durationMs()));
        } else if (r.status() == RunStatus.RUNNING && r.startedAt() != null && now.isAfter(r.startedAt())) {
            b.append("<span class=\"muted\">for ").append(duration(Duration.between(r.startedAt(), now).toMillis()))
                    .append("</span>");
        }
        b.append("</td><td class=\"nowrap\">");
        Html.text(b, describe(r.period()));
        b.append("</td><td>");
        if (r.batchMode() == null) {
            b.append("<span class=\"muted\">—</span>");
        } else {
            Html.text(b, r.batchMode());
        }
        b.append("</td><td>");
        Html.text(b, r.triggeredBy());
        b.append("</td><td>");
        counters(b, r);
        b.append("</td></tr>\n");
        boolean failed = r.errorType() != null || r.errorMessage() != null;
        boolean warned = !r.warnings().isEmpty() || r.warningsDropped() > 0;
        if (!failed && !warned) {
            return;
        }
        b.append("<tr class=\"detail detail-").append(status).append("\"><td colspan=\"7\">\n");
        if (failed) {
            b.append("<p class=\"failure\"><strong>");
            Html.text(b, r.errorType() == null ? "error" : r.errorType()).append("</strong>");
            if (r.errorMessage() != null) {
                b.append(": ");
                Html.text(b, r.errorMessage());
            }
            b.append("</p>\n");
        }
        if (warned) {
            warnings(b, r);
        }
        b.append("</td></tr>\n");
    }

    private static void warnings(StringBuilder b, BatchRun r) {
        long count = r.warnings().size() + r.warningsDropped();
        b.append("<details class=\"warnings\"><summary>").append(count).append(count == 1 ? " warning" : " warnings")
                .append("</summary>\n<ul>\n");
        for (Warning w : r.warnings()) {
            b.append("<li><strong>");
            Html.text(b, w.stage()).append("</strong>");
            if (w.at() != null) {
                b.append(" <span class=\"muted\">");
                time(b, w.at());
                b.append("</span>");
            }
            b.append(": ");
            Html.text(b, w.message()).append("</li>\n");
        }
        if (r.warningsDropped() > 0) {
            b.append("<li class=\"muted\">").append(r.warningsDropped()).append(" more not kept</li>\n");
        }
        b.append("</ul>\n</details>\n");
    }

    private static void counters(StringBuilder b, BatchRun r) {
        StringBuilder items = new StringBuilder();
        for (String metric : Metrics.STANDARD) {
            counter(items, metric, r.metric(metric));
        }
        for (Map.Entry<String, Long> e : r.customMetrics().entrySet()) {
            counter(items, e.getKey(), e.getValue());
        }
        if (items.length() > 0) {
            b.append("<ul class=\"counters\">").append(items).append("</ul>");
        }
    }

    private static void counter(StringBuilder b, String name, long value) {
        if (value != 0) {
            b.append("<li><span class=\"k\">");
            Html.text(b, name).append("</span> <span class=\"num\">").append(value).append("</span></li>");
        }
    }

    private static void status(StringBuilder b, RunStatus status) {
        String symbol;
        switch (status) {
            case SUCCESS: symbol = "✓"; break;
            case PARTIAL: symbol = "⚠"; break;
            case FAILED: symbol = "✗"; break;
            default: symbol = "●";
        }
        b.append("<span class=\"status status-").append(status.code()).append("\">").append(symbol).append(' ')
                .append(status.code()).append("</span>");
    }

    private static void time(StringBuilder b, Instant t) {
        if (t == null) {
            b.append("<span class=\"muted\">—</span>");
            return;
        }
        b.append("<time datetime=\"").append(t).append("\">").append(TIME.format(t)).append("</time>");
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
}
