package io.batchtrack.schedule;

import java.util.Locale;

/** The readiness flag of {@code data_readiness} a deadline is about. */
public enum ReadinessFlag {
    /** {@code schedule_complete}: the week's games are in. */
    SCHEDULE("schedule_complete"),
    /** {@code predictions_available}: the week's predictions exist. */
    PREDICTIONS("predictions_available");

    /** The rule a flag's name follows, for messages. */
    public static final String RULE = "one of schedule, predictions";

    private final String column;

    ReadinessFlag(String column) {
        this.column = column;
    }

    /** {@code schedule}: the name typed and stored in {@code readiness_deadlines.flag}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The column of {@code data_readiness} it reads, {@code schedule_complete}. */
    public String column() {
        return column;
    }

    /** @throws IllegalArgumentException naming the value and {@link #RULE} */
    public static ReadinessFlag fromCode(String code) {
        for (ReadinessFlag f : values()) {
            if (f.code().equals(code)) {
                return f;
            }
        }
        throw new IllegalArgumentException("readiness flag '" + code + "' is not " + RULE + " (schedule:"
                + " data_readiness.schedule_complete, predictions: data_readiness.predictions_available)");
    }
}
