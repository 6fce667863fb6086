package io.batchtrack.alerts.internal;

import io.batchtrack.alerts.AlertEvent;
import io.batchtrack.alerts.EventSource;
import io.batchtrack.alerts.Events;
import io.batchtrack.schedule.Expectation;
import io.batchtrack.schedule.ExpectationStatus;
import io.batchtrack.schedule.ObservedRun;
import io.batchtrack.schedule.OverdueRun;
import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.Schedules;
import io.batchtrack.schedule.Slot;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code slot.missed}, {@code slot.failed}, {@code slot.late}, {@code slot.recovered} and
 * {@code run.overdue} from one evaluation of the expected schedules (tracker-schedule), the same that
 * {@code batchtrack check} prints. Slots due before {@code since} are history. A slot alerted missed or
 * failed that a run satisfies afterwards (its state now late or ok) is {@code slot.recovered}, not
 * also {@code slot.late}.
 */
public final class ScheduleEvents implements EventSource {

    @Override
    public List<AlertEvent> detect(Scan scan) {
        ScheduleReport report = Schedules.create(scan.dataSource(), scan.schema()).evaluate(scan.clock());
        List<AlertEvent> events = new ArrayList<>();
        for (ExpectationStatus status : report.expectations()) {
            if (status.invalid() != null) {
                continue; // batchtrack check reports it; an alert per scan would be noise
            }
            Expectation e = status.expectation();
            for (Slot slot : status.slots()) {
                if (slot.due().isBefore(scan.since())) {
                    continue;
                }
                String subject = "slot:" + e.batchType() + "/" + (e.mode() == null ? "*" : e.mode()) + "@"
                        + slot.occurrence();
                String when = "the slot of " + slot.occurrence() + " (" + ScheduleReport.describe(slot.period())
                        + ", due " + slot.due() + ")";
                switch (slot.state()) {
                    case MISSED:
                        events.add(event(Events.SLOT_MISSED, subject, e, slot, e.name() + ": " + when
                                + " was missed: no run started"));
                        break;
                    case FAILED:
                        events.add(event(Events.SLOT_FAILED, subject, e, slot, e.name() + ": " + when
                                + " failed: only failed runs"));
                        break;
                    case LATE:
                    case OK:
                        if (scan.alerted().any(subject, Events.SLOT_MISSED, Events.SLOT_FAILED)) {
                            events.add(event(Events.SLOT_RECOVERED, subject, e, slot, e.name() + ": " + when
                                    + " recovered: a run completed at last"));
                        } else if (slot.state() == io.batchtrack.schedule.SlotState.LATE) {
                            events.add(event(Events.SLOT_LATE, subject, e, slot, e.name() + ": " + when
                                    + " was late: its run completed after the due time"));
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        for (OverdueRun o : report.overdue()) {
            ObservedRun r = o.run();
            events.add(new AlertEvent(Events.RUN_OVERDUE, AlertEvent.runSubject(r.id()), r.batchType(), r.mode(),
                    null, r.id(), null, r.batchType() + (r.mode() == null ? "" : "/" + r.mode()) + " run " + r.id()
                            + " is overdue: running for " + o.runningFor().toMinutes() + " min, limit "
                            + o.limit().toMinutes() + " min (" + o.rule() + ")"));
        }
        return events;
    }

    private static AlertEvent event(String event, String subject, Expectation e, Slot slot, String message) {
        return new AlertEvent(event, subject, e.batchType(), e.mode(), slot.period(), slot.runId(), slot.due(), message);
    }
}
