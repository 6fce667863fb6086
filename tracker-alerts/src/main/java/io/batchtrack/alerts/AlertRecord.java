package io.batchtrack.alerts;

import io.batchtrack.Period;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of {@code batch_alerts} with the outcome of its last delivery attempt.
 *
 * @param state {@code pending} (to send, or to retry at {@code nextAttemptAt}), {@code delivered},
 *     {@code undeliverable} (every attempt failed) or {@code digested} (sent inside a digest)
 * @param lastStatus the HTTP status of the last attempt, or null (none yet, or no answer)
 * @param lastError why the last attempt failed, or null
 */
public record AlertRecord(UUID id, String event, String subject, String batchType, String batchMode, Period period,
        UUID runId, Instant slotDueAt, String message, Instant detectedAt, String state, int attempts,
        Instant nextAttemptAt, Instant deliveredAt, Integer lastStatus, String lastError) {
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String UNDELIVERABLE = "undeliverable";
    public static final String DIGESTED = "digested";

    public AlertRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(state, "state");
    }

    /** {@code weekly_update/full}, {@code weekly_update}, or empty for a digest. */
    public String name() {
        return batchType == null ? "" : batchMode == null ? batchType : batchType + "/" + batchMode;
    }
}
