package io.batchtrack.schedule;

import io.batchtrack.RunStatus;
import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.BatchRun;
import io.batchtrack.schedule.internal.AnomalyRows;
import io.batchtrack.schedule.internal.AnomalyRule;
import io.batchtrack.schedule.internal.ExpectationRows;
import io.batchtrack.schedule.internal.RunRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What the runs a reader is shown say beyond their status (issue 14, items 3 and 5): whether a
 * running run is {@linkplain OverdueRun overdue}, and a finished run's {@linkplain Anomaly anomalies}.
 * Computed when the runs are read (the status server's endpoints and page), from the database, in a
 * bounded number of statements however many runs there are: never on the batch's path, so recording a
 * run costs what it did.
 *
 * <p>Anomalies are judged for finished runs (success, partial, failed); a skipped run did no work.
 * The baseline is the last {@link #WINDOW} successful runs of the same type and mode that started
 * before the run (at least {@link #MIN_SAMPLES}).
 */
public final class RunFlags {
    public static final int WINDOW = AnomalyRule.WINDOW;
    public static final int MIN_SAMPLES = AnomalyRule.MIN_SAMPLES;
    /** The default {@code k} of {@code anomaly.factor}. */
    public static final double DEFAULT_FACTOR = AnomalyRule.DEFAULT_FACTOR;
    /** The configuration key of {@code k}. */
    public static final String FACTOR_KEY = "anomaly.factor";
    /** The rule {@code anomaly.factor} must keep. */
    public static final String FACTOR_RULE = "a number more than 1 and at most 1000 (for example 3 or 2.5)";

    /** One run's flags. */
    public record Flags(boolean overdue, List<Anomaly> anomalies) {
        public static final Flags NONE = new Flags(false, List.of());

        public Flags {
            anomalies = List.copyOf(anomalies);
        }
    }

    private final DataSource dataSource;
    private final ExpectationRows expectations;
    private final RunRows runs;
    private final AnomalyRows baselines;
    private final double factor;

    private RunFlags(DataSource dataSource, String quotedSchema, double factor) {
        this.dataSource = dataSource;
        this.expectations = new ExpectationRows(quotedSchema);
        this.runs = new RunRows(dataSource, quotedSchema);
        this.baselines = new AnomalyRows(dataSource, quotedSchema);
        this.factor = factor;
    }

    /**
     * @param factor {@code k}: a value outside [median ÷ k, median × k] is an anomaly
     * @throws IllegalArgumentException if the factor breaks {@link #FACTOR_RULE} or the schema name its rule
     */
    public static RunFlags create(DataSource dataSource, String schema, double factor) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new RunFlags(dataSource, "\"" + io.batchtrack.jdbi.BatchtrackSchema.requireValidName(schema) + "\"",
                requireFactor(factor));
    }

    /**
     * {@code anomaly.factor} (default {@link #DEFAULT_FACTOR}), read and checked here once for every
     * reader of anomalies (the status server's page and endpoints, the alerts' {@code run.anomaly}).
     *
     * @throws ConfigException naming the value and {@link #FACTOR_RULE}
     */
    public static double factor(TrackerConfig config) {
        String value = config.get(FACTOR_KEY).map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return DEFAULT_FACTOR;
        }
        try {
            return requireFactor(Double.parseDouble(value));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new ConfigException(FACTOR_KEY, "'" + value + "' is not " + FACTOR_RULE);
        }
    }

    /** @throws IllegalArgumentException naming the value and {@link #FACTOR_RULE} */
    public static double requireFactor(double factor) {
        if (!(factor > 1 && factor <= 1000)) {
            throw new IllegalArgumentException("anomaly factor " + factor + " is not " + FACTOR_RULE);
        }
        return factor;
    }

    /**
     * The flags of each run, by id, at the moment {@code clock} gives; runs with neither flag map to
     * {@link Flags#NONE}. One statement for the anomalies, and when any run is running, one for the
     * expectations and one per running type and mode without a maximum duration.
     */
    public Map<UUID, Flags> of(List<BatchRun> shown, Clock clock) {
        List<ObservedRun> running = new ArrayList<>();
        for (BatchRun r : shown) {
            if (r.status() == RunStatus.RUNNING) {
                running.add(new ObservedRun(r.id(), r.batchType(), r.batchMode(), r.status(), r.startedAt(), null));
            }
        }
        List<OverdueRun> overdue = running.isEmpty() ? List.of()
                : new ScheduleEvaluator(runs, clock).overdue(withConnection(expectations::list), running);
        return of(shown, overdue);
    }

    /**
     * The anomalies of finished runs given by id, in one statement: only runs that have any are in the
     * map. A running or skipped run, or an id with no row, has none.
     */
    public Map<UUID, List<Anomaly>> anomalies(java.util.Collection<UUID> finishedRunIds) {
        Map<UUID, List<Anomaly>> found = new LinkedHashMap<>();
        for (Map.Entry<UUID, AnomalyRows.Baseline> e : baselines.baselines(finishedRunIds).entrySet()) {
            AnomalyRows.Baseline b = e.getValue();
            List<Anomaly> anomalies = AnomalyRule.anomalies(b.own(), b.medians(), b.samples(), factor);
            if (!anomalies.isEmpty()) {
                found.put(e.getKey(), anomalies);
            }
        }
        return found;
    }

    /**
     * Like {@link #of(List, Clock)}, with the overdue runs of an evaluation already made (the page
     * evaluates the schedules anyway): one statement, for the anomalies.
     */
    public Map<UUID, Flags> of(List<BatchRun> shown, ScheduleReport report) {
        return of(shown, report.overdue());
    }

    private Map<UUID, Flags> of(List<BatchRun> shown, List<OverdueRun> overdueRuns) {
        Map<UUID, Flags> flags = new LinkedHashMap<>();
        List<UUID> finished = new ArrayList<>();
        for (BatchRun r : shown) {
            flags.put(r.id(), Flags.NONE);
            if (r.status() != RunStatus.RUNNING && r.status() != RunStatus.SKIPPED) {
                finished.add(r.id());
            }
        }
        Set<UUID> overdue = new HashSet<>();
        overdueRuns.forEach(o -> overdue.add(o.run().id()));
        Map<UUID, AnomalyRows.Baseline> base = baselines.baselines(finished);
        for (BatchRun r : shown) {
            AnomalyRows.Baseline b = base.get(r.id());
            List<Anomaly> anomalies = b == null ? List.of()
                    : AnomalyRule.anomalies(values(r), b.medians(), b.samples(), factor);
            boolean late = r.status() == RunStatus.RUNNING && overdue.contains(r.id());
            if (late || !anomalies.isEmpty()) {
                flags.put(r.id(), new Flags(late, anomalies));
            }
        }
        return flags;
    }

    private static Map<String, Long> values(BatchRun r) {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put(Anomaly.DURATION, r.durationMs()); // null in a row another writer left without one: not judged
        for (String v : AnomalyRows.VALUES.subList(1, AnomalyRows.VALUES.size())) {
            values.put(v, r.metric(v));
        }
        return values;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("batchtrack could not read batch_expectations: " + e.getMessage(), e);
        }
    }
}
