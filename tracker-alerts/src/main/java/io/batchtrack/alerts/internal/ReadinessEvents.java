package io.batchtrack.alerts.internal;

import io.batchtrack.alerts.AlertEvent;
import io.batchtrack.alerts.EventSource;
import io.batchtrack.alerts.Events;
import io.batchtrack.schedule.DeadlineState;
import io.batchtrack.schedule.DeadlineStatus;
import io.batchtrack.schedule.ReadinessDeadline;
import io.batchtrack.schedule.ReadinessDeadlines;
import io.batchtrack.schedule.ReadinessReport;
import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.WeekDeadline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code readiness.late} and {@code readiness.recovered} from one evaluation of the readiness deadlines
 * (tracker-schedule), the same that {@code batchtrack check} judges. Each occurrence that has come is a
 * subject of its own; occurrences before {@code since} are history. An occurrence alerted late whose
 * flag is true afterwards ({@code ready_late}) is {@code readiness.recovered}.
 */
public final class ReadinessEvents implements EventSource {

    @Override
    public List<AlertEvent> detect(Scan scan) {
        Instant now = scan.clock().instant();
        ReadinessReport report = ReadinessDeadlines.create(scan.dataSource(), scan.schema()).evaluate(scan.clock());
        List<AlertEvent> events = new ArrayList<>();
        for (DeadlineStatus status : report.deadlines()) {
            if (status.invalid() != null) {
                continue; // batchtrack check reports it; an alert per scan would be noise
            }
            ReadinessDeadline d = status.deadline();
            for (WeekDeadline w : status.weeks()) {
                if (w.occurrence().isBefore(scan.since()) || w.occurrence().isAfter(now)) {
                    continue;
                }
                String subject = "readiness:" + d.flag().code() + "@" + w.occurrence();
                String week = ScheduleReport.describe(w.period());
                if (w.state() == DeadlineState.LATE) {
                    events.add(event(Events.READINESS_LATE, subject, w, d.name() + ", " + week + ": late ("
                            + d.flag().column() + " is not true at its deadline " + w.occurrence() + ")"));
                } else if (w.state() == DeadlineState.READY_LATE
                        && scan.alerted().any(subject, Events.READINESS_LATE)) {
                    events.add(event(Events.READINESS_RECOVERED, subject, w, d.name() + ", " + week
                            + ": recovered (" + d.flag().column() + " true since " + w.readyAt() + ", deadline "
                            + w.occurrence() + ")"));
                }
            }
        }
        return events;
    }

    private static AlertEvent event(String event, String subject, WeekDeadline w, String message) {
        return new AlertEvent(event, subject, null, null, w.period(), null, w.occurrence(), message);
    }
}
