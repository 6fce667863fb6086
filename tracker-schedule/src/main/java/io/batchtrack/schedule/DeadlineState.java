package io.batchtrack.schedule;

import java.util.Locale;

/** What became of one week's readiness deadline ({@link WeekDeadline}) at the moment of evaluation. */
public enum DeadlineState {
    /** The deadline has not come and the flag is not true yet. */
    PENDING,
    /** The flag was true by the deadline (and still is). */
    READY,
    /** The flag became true after the deadline (and still is). */
    READY_LATE,
    /** The deadline has passed and the flag is not true. */
    LATE;

    /** {@code ready_late}: the state as printed and in JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code batchtrack check} reports it: only {@link #LATE}, the data that is still not there. */
    public boolean isProblem() {
        return this == LATE;
    }
}
