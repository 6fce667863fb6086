package io.batchtrack.schedule;

import java.util.Locale;

/** What became of one expected run (a {@link Slot}) at the moment of evaluation. */
public enum SlotState {
    /** Not yet due and not yet satisfied. */
    PENDING,
    /** A success or partial run of the slot completed by its due time. */
    OK,
    /** A success or partial run of the slot completed, after its due time. */
    LATE,
    /** Past its due time, a run of the slot is still running. */
    RUNNING,
    /** Past its due time, only failed (or abandoned) runs belong to the slot. */
    FAILED,
    /** Past its due time, no run at all belongs to the slot. */
    MISSED;

    /** {@code missed}: the state as printed and in JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code batchtrack check} reports it (late, failed, missed). */
    public boolean isProblem() {
        return this == LATE || this == FAILED || this == MISSED;
    }
}
