package io.batchtrack;

import java.util.Locale;

/** The status of a run, stored in {@code batch_runs.status} as its {@link #code()}. */
public enum RunStatus {
    /** The run is executing. */
    RUNNING,
    /** The run returned normally without warnings. */
    SUCCESS,
    /** The run returned normally with at least one warning. */
    PARTIAL,
    /** The run threw, or was abandoned: its process stopped sending heartbeats ({@code error_type = abandoned}). */
    FAILED,
    /**
     * The body never ran: the batch is exclusive and another run of the same batch type and period
     * was running ({@code error_type = conflict}, the message names that run).
     */
    SKIPPED;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The value stored in the database: {@code running}, {@code success}, {@code partial}, {@code failed} or {@code skipped}. */
    public String code() {
        return code;
    }

    /** Whether a readiness refresh follows a run that ended in this status. */
    public boolean refreshesReadiness() {
        return this == SUCCESS || this == PARTIAL;
    }

    /**
     * Parses a stored code.
     *
     * @throws IllegalArgumentException naming the value and the allowed codes
     */
    public static RunStatus fromCode(String code) {
        for (RunStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "status '" + code + "' is not one of running, success, partial, failed, skipped");
    }

    @Override
    public String toString() {
        return code;
    }
}
