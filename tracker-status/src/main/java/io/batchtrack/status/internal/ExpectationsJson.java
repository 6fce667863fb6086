package io.batchtrack.status.internal;

import io.batchtrack.internal.Json;
import io.batchtrack.schedule.Expectation;
import io.batchtrack.schedule.ExpectationStatus;
import io.batchtrack.schedule.ObservedRun;
import io.batchtrack.schedule.OverdueRun;
import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of {@code GET /api/admin/expectations}: {@code generated_at}, {@code expectations} (each
 * with its settings, {@code next_due} and {@code slots}, newest first) and {@code overdue}.
 * Durations are whole seconds; times ISO-8601 in UTC; names as in {@code batch_expectations}.
 */
final class ExpectationsJson {
    private ExpectationsJson() {}

    static String of(ScheduleReport report, List<ExpectationStatus> expectations, int slots) {
        StringBuilder b = new StringBuilder(1024).append("{\"generated_at\":");
        time(b, report.at());
        b.append(",\"expectations\":[");
        for (int i = 0; i < expectations.size(); i++) {
            expectation(i == 0 ? b : b.append(','), expectations.get(i), slots);
        }
        b.append("],\"overdue\":[");
        for (int i = 0; i < report.overdue().size(); i++) {
            overdue(i == 0 ? b : b.append(','), report.overdue().get(i));
        }
        return b.append("]}").toString();
    }

    private static void expectation(StringBuilder b, ExpectationStatus s, int slots) {
        Expectation e = s.expectation();
        b.append("{\"batch_type\":");
        Json.string(b, e.batchType());
        b.append(",\"batch_mode\":");
        text(b, e.mode());
        b.append(",\"cron\":");
        Json.string(b, e.cron());
        b.append(",\"zone\":");
        Json.string(b, e.zone());
        b.append(",\"grace_seconds\":").append(e.grace().toSeconds());
        b.append(",\"max_duration_seconds\":");
        seconds(b, e.maxDuration());
        b.append(",\"source\":");
        Json.string(b, e.source());
        b.append(",\"declared_at\":");
        time(b, e.declaredAt());
        b.append(",\"next_due\":");
        time(b, s.nextDue());
        b.append(",\"invalid\":");
        text(b, s.invalid());
        b.append(",\"slots\":[");
        List<Slot> shown = s.slots().subList(0, Math.min(slots, s.slots().size()));
        for (int i = 0; i < shown.size(); i++) {
            Slot slot = shown.get(i);
            b.append(i == 0 ? "" : ",").append("{\"occurrence\":");
            time(b, slot.occurrence());
            b.append(",\"due\":");
            time(b, slot.due());
            b.append(",\"state\":");
            Json.string(b, slot.state().code());
            b.append(",\"run_id\":");
            text(b, slot.runId() == null ? null : slot.runId().toString());
            b.append(",\"season_year\":").append(slot.period().seasonYear());
            b.append(",\"week\":").append(slot.period().week());
            b.append(",\"season_type\":");
            Json.string(b, slot.period().seasonType().code());
            b.append(",\"period\":");
            Json.string(b, ScheduleReport.describe(slot.period()));
            b.append('}');
        }
        b.append("]}");
    }

    private static void overdue(StringBuilder b, OverdueRun o) {
        ObservedRun r = o.run();
        b.append("{\"id\":");
        Json.string(b, r.id().toString());
        b.append(",\"batch_type\":");
        Json.string(b, r.batchType());
        b.append(",\"batch_mode\":");
        text(b, r.mode());
        b.append(",\"started_at\":");
        time(b, r.startedAt());
        b.append(",\"running_seconds\":").append(o.runningFor().toSeconds());
        b.append(",\"limit_seconds\":").append(o.limit().toSeconds());
        b.append(",\"rule\":");
        Json.string(b, o.rule());
        b.append('}');
    }

    private static void text(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
        } else {
            Json.string(b, s);
        }
    }

    private static void seconds(StringBuilder b, Duration d) {
        b.append(d == null ? "null" : Long.toString(d.toSeconds()));
    }

    private static void time(StringBuilder b, Instant t) {
        b.append(t == null ? "null" : "\"" + t + "\"");
    }
}
