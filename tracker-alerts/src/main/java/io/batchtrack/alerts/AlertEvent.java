package io.batchtrack.alerts;

import io.batchtrack.Period;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One fact worth telling a person, as an {@link EventSource} detects it. However often a source
 * returns it, it becomes one alert: {@code batch_alerts} holds one row per {@code event} and
 * {@code subject}.
 *
 * @param event one of {@link Events#ALL}, for example {@code run.failed}
 * @param subject what it is about, the same for every detection of it: {@code run:<id>} or
 *     {@code slot:<type>/<mode or *>@<occurrence>}
 * @param batchType the batch type, or null (a digest)
 * @param batchMode the mode, or null
 * @param period the NFL week, or null
 * @param runId the run, or null (a missed slot)
 * @param slotDueAt the slot's due time, or null (a run event)
 * @param message one readable line
 */
public record AlertEvent(String event, String subject, String batchType, String batchMode, Period period,
        UUID runId, Instant slotDueAt, String message) {
    public AlertEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    /** {@code run:<id>}, the subject of every event about one run. */
    public static String runSubject(UUID runId) {
        return "run:" + runId;
    }
}
