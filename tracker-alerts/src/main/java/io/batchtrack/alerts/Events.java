package io.batchtrack.alerts;

import io.batchtrack.config.ConfigException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The event names, as {@code alerts.events} lists them and the webhook's {@code event} field carries them. */
public final class Events {
    public static final String RUN_FAILED = "run.failed";
    public static final String RUN_ABANDONED = "run.abandoned";
    public static final String RUN_OVERDUE = "run.overdue";
    /** A finished run whose duration or a standard counter is far from its recent successful runs' ({@code anomaly.factor}). */
    public static final String RUN_ANOMALY = "run.anomaly";
    /** A type (and mode) succeeded after its previous run failed. */
    public static final String RUN_RECOVERED = "run.recovered";
    public static final String SLOT_MISSED = "slot.missed";
    public static final String SLOT_FAILED = "slot.failed";
    /** A slot satisfied after its due time, that was not alerted missed or failed before. */
    public static final String SLOT_LATE = "slot.late";
    /** A slot alerted missed or failed, satisfied since. */
    public static final String SLOT_RECOVERED = "slot.recovered";
    /** Detected by the readiness deadlines (issue 14), when they plug in their {@link EventSource}. */
    public static final String READINESS_LATE = "readiness.late";
    public static final String READINESS_RECOVERED = "readiness.recovered";
    /** The message that stands for the alerts beyond {@code alerts.max-per-minute}. */
    public static final String DIGEST = "digest";
    /** {@code batchtrack alerts --test}; never recorded. */
    public static final String TEST = "test";

    /** Every event {@code alerts.events} may name. */
    public static final List<String> ALL = List.of(RUN_FAILED, RUN_ABANDONED, RUN_OVERDUE, RUN_ANOMALY, RUN_RECOVERED,
            SLOT_MISSED, SLOT_FAILED, SLOT_LATE, SLOT_RECOVERED, READINESS_LATE, READINESS_RECOVERED);

    private Events() {}

    /**
     * {@code alerts.events}: a comma-separated list of {@link #ALL}, or {@code all}.
     *
     * @throws ConfigException naming the unknown event and the known ones
     */
    public static Set<String> parse(String key, String value) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (name.equals("all")) {
                chosen.addAll(ALL);
            } else if (ALL.contains(name)) {
                chosen.add(name);
            } else {
                throw new ConfigException(key, "'" + name + "' is not an event: use all or some of "
                        + String.join(", ", ALL));
            }
        }
        if (chosen.isEmpty()) {
            throw new ConfigException(key, "'" + value + "' names no event: use all or some of " + String.join(", ", ALL));
        }
        return Set.copyOf(chosen);
    }
}
