package io.batchtrack.status.internal;

import io.batchtrack.internal.Json;
import io.batchtrack.schedule.DeadlineStatus;
import io.batchtrack.schedule.ReadinessDeadline;
import io.batchtrack.schedule.ReadinessReport;
import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.WeekDeadline;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of {@code GET /api/admin/readiness-deadlines}: {@code generated_at}, the weeks covered
 * ({@code weeks}, {@code from}, {@code to}) and {@code deadlines}, each with its settings,
 * {@code next_deadline} and {@code occurrences} (newest first: {@code occurrence}, {@code state},
 * {@code ready_at}, the week). Times ISO-8601 in UTC; names as in {@code readiness_deadlines}.
 */
final class ReadinessDeadlinesJson {
    private ReadinessDeadlinesJson() {}

    static String of(ReadinessReport report, List<DeadlineStatus> deadlines) {
        StringBuilder b = new StringBuilder(1024).append("{\"generated_at\":");
        time(b, report.at());
        b.append(",\"weeks\":").append(report.weeks()).append(",\"from\":");
        time(b, report.from());
        b.append(",\"to\":");
        time(b, report.to());
        b.append(",\"deadlines\":[");
        for (int i = 0; i < deadlines.size(); i++) {
            deadline(i == 0 ? b : b.append(','), deadlines.get(i));
        }
        return b.append("]}").toString();
    }

    private static void deadline(StringBuilder b, DeadlineStatus s) {
        ReadinessDeadline d = s.deadline();
        b.append("{\"flag\":");
        Json.string(b, d.flag().code());
        b.append(",\"column\":");
        Json.string(b, d.flag().column());
        b.append(",\"cron\":");
        Json.string(b, d.cron());
        b.append(",\"zone\":");
        Json.string(b, d.zone());
        b.append(",\"declared_at\":");
        time(b, d.declaredAt());
        b.append(",\"next_deadline\":");
        time(b, s.next());
        b.append(",\"invalid\":");
        if (s.invalid() == null) {
            b.append("null");
        } else {
            Json.string(b, s.invalid());
        }
        b.append(",\"occurrences\":[");
        for (int i = 0; i < s.weeks().size(); i++) {
            WeekDeadline w = s.weeks().get(i);
            b.append(i == 0 ? "" : ",").append("{\"occurrence\":");
            time(b, w.occurrence());
            b.append(",\"state\":");
            Json.string(b, w.state().code());
            b.append(",\"ready_at\":");
            time(b, w.readyAt());
            b.append(",\"season_year\":").append(w.period().seasonYear());
            b.append(",\"week\":").append(w.period().week());
            b.append(",\"season_type\":");
            Json.string(b, w.period().seasonType().code());
            b.append(",\"period\":");
            Json.string(b, ScheduleReport.describe(w.period()));
            b.append('}');
        }
        b.append("]}");
    }

    private static void time(StringBuilder b, Instant t) {
        b.append(t == null ? "null" : "\"" + t + "\"");
    }
}
