package io.batchtrack.status.internal;

import static io.batchtrack.status.internal.StatusHandler.PAGE_LOSSES;
import static io.batchtrack.status.internal.StatusHandler.PAGE_MAX_TYPES;
import static io.batchtrack.status.internal.StatusHandler.PAGE_RUNS_PER_TYPE;
import static io.batchtrack.status.internal.StatusHandler.PAGE_WINDOW;

import io.batchtrack.NflCalendar;
import io.batchtrack.Period;
import io.batchtrack.alerts.Alerts;
import io.batchtrack.jdbi.BatchRun;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchTypeSummary;
import io.batchtrack.jdbi.DataReadiness;
import io.batchtrack.jdbi.RunExcerpt;
import io.batchtrack.jdbi.RunFilter;
import io.batchtrack.schedule.ReadinessDeadlines;
import io.batchtrack.schedule.RunFlags;
import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.Schedules;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /}: reads what the System Status page shows — the week's readiness, the summaries, each
 * shown type's latest runs, lost records, the schedules' evaluation with the shown runs' flags, the
 * readiness deadlines, the recent alerts — with a fixed number of statements, and hands them to
 * {@link StatusPage} to render. {@link StatusHandler} routes to it, so the Host and token checks and the
 * answers to a database that does not answer are the other endpoints'.
 */
final class PageResource {
    private static final String HTML = "text/html; charset=utf-8";
    private static final String PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";

    private PageResource() {}

    static Response answer(BatchRunQueries q, Clock clock, double anomalyFactor, TraceLinks traceLinks) {
        Instant now = clock.instant();
        Period week = NflCalendar.current(clock);
        DataReadiness readiness = q.readiness(week).orElse(null);
        List<BatchTypeSummary> summaries = q.summaries(PAGE_WINDOW);
        Map<String, List<RunExcerpt>> recent = new LinkedHashMap<>();
        for (BatchTypeSummary s : summaries.subList(0, Math.min(PAGE_MAX_TYPES, summaries.size()))) {
            recent.put(s.batchType(), q.historyExcerpts(RunFilter.newest(PAGE_RUNS_PER_TYPE).batchType(s.batchType())));
        }
        List<BatchRun> shown = new ArrayList<>();
        recent.values().forEach(runs -> runs.forEach(r -> shown.add(r.run())));
        ScheduleReport schedules = Schedules.create(q.dataSource(), q.schema()).evaluate(clock);
        Map<UUID, RunFlags.Flags> flags = RunFlags.create(q.dataSource(), q.schema(), anomalyFactor).of(shown, schedules);
        StatusPage.Parts page = StatusPage.render(now, week, readiness, summaries, recent, PAGE_WINDOW,
                q.losses(PAGE_LOSSES), schedules.expectations(), flags,
                ReadinessDeadlines.create(q.dataSource(), q.schema()).evaluate(clock), traceLinks);
        page = withAlerts(page, q);
        Response r = Response.streamed(200, HTML, page::write);
        r.headers.put("Content-Security-Policy", List.of(PAGE_CSP));
        return r;
    }

    /** The page's "Recent alerts" (tracker-alerts), after the batch types: a section of its own, apart from StatusPage's. */
    private static StatusPage.Parts withAlerts(StatusPage.Parts page, BatchRunQueries q) {
        Markup alerts = AlertsSection.render(Alerts.recent(q.dataSource(), q.schema(), AlertsSection.PAGE_ALERTS));
        return new StatusPage.Parts(page.head(), page.sections(), alerts + page.tail());
    }
}
