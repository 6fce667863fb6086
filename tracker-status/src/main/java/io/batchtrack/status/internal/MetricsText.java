package io.batchtrack.status.internal;

import io.batchtrack.Period;
import io.batchtrack.jdbi.DataReadiness;
import io.batchtrack.schedule.ExpectationStatus;
import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.Slot;
import io.batchtrack.schedule.SlotState;
import io.batchtrack.status.internal.RunGroups.Group;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The body of {@code GET /metrics}: Prometheus text format 0.0.4, every metric a gauge with its
 * {@code # HELP} and {@code # TYPE} lines. Prometheus' own writer does the format and the escaping of
 * label values (any text another writer put in {@code batch_type} comes out as a valid label value).
 * The names are fixed by issue 16 and documented in README; dashboards and alert rules depend on them.
 *
 * <p>Series exist for what the tables hold: each batch type and mode with rows, each status they have,
 * the current NFL week's readiness, each expectation. A batch type and mode that never succeeded has
 * {@code batchtrack_last_success_timestamp_seconds} 0, so that "no success for 8 days" fires for it too.
 */
final class MetricsText {
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    /** The slot states a due slot can have (a due slot is never pending). */
    private static final List<SlotState> DUE_STATES = List.of(SlotState.OK, SlotState.LATE, SlotState.RUNNING,
            SlotState.FAILED, SlotState.MISSED);

    private MetricsText() {}

    static byte[] render(List<Group> groups, Period week, DataReadiness readiness, ScheduleReport schedule) {
        MetricSnapshots snapshots = MetricSnapshots.of(lastSuccess(groups), lastRun(groups), lastDuration(groups),
                running(groups), runs(groups), readinessCounts(week, readiness), readinessReady(week, readiness),
                slotStates(schedule));
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            // the names are legacy-valid, so no escaping scheme changes them; underscores is what 0.0.4 allows
            PrometheusTextFormatWriter.create().write(out, snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    private static GaugeSnapshot lastSuccess(List<Group> groups) {
        Map<Labels, Double> values = new TreeMap<>();
        for (Group g : groups) {
            Labels labels = Labels.of("batch_type", g.batchType(), "batch_mode", g.mode());
            double at = g.lastCompletedAt() != null && (g.status().equals("success") || g.status().equals("partial"))
                    ? seconds(g.lastCompletedAt()) : 0;
            values.merge(labels, at, Math::max);
        }
        return gauge("batchtrack_last_success_timestamp_seconds", "When the latest run of the batch type and mode"
                + " that succeeded (status success or partial) completed, in Unix seconds; 0 if none has", values);
    }

    private static GaugeSnapshot lastRun(List<Group> groups) {
        Map<Labels, Double> values = new TreeMap<>();
        for (Group g : groups) {
            if (g.lastCompletedAt() != null) {
                values.merge(Labels.of("batch_type", g.batchType(), "batch_mode", g.mode(), "status", g.status()),
                        seconds(g.lastCompletedAt()), Math::max);
            }
        }
        return gauge("batchtrack_last_run_timestamp_seconds", "When the latest run of the batch type and mode with"
                + " that status completed, in Unix seconds (running runs have not completed)", values);
    }

    private static GaugeSnapshot lastDuration(List<Group> groups) {
        Map<Labels, Group> latest = new TreeMap<>();
        for (Group g : groups) {
            if (g.lastDurationAt() != null && !g.status().equals("skipped")) {
                latest.merge(Labels.of("batch_type", g.batchType(), "batch_mode", g.mode()), g,
                        (a, b) -> b.lastDurationAt().isAfter(a.lastDurationAt()) ? b : a);
            }
        }
        Map<Labels, Double> values = new TreeMap<>();
        latest.forEach((labels, g) -> values.put(labels, g.lastDurationSeconds()));
        return gauge("batchtrack_last_run_duration_seconds", "How long the latest completed run of the batch type"
                + " and mode took (success, partial or failed; skipped attempts do not count), in seconds", values);
    }

    private static GaugeSnapshot running(List<Group> groups) {
        Map<Labels, Double> values = new TreeMap<>();
        for (Group g : groups) {
            values.merge(Labels.of("batch_type", g.batchType()), g.status().equals("running") ? (double) g.runs() : 0,
                    Double::sum);
        }
        return gauge("batchtrack_running_runs", "Runs of the batch type with status running (abandoned ones"
                + " until a sweep marks them failed)", values);
    }

    private static GaugeSnapshot runs(List<Group> groups) {
        Map<Labels, Double> values = new TreeMap<>();
        for (Group g : groups) {
            values.merge(Labels.of("batch_type", g.batchType(), "status", g.status()), (double) g.runs(), Double::sum);
        }
        return gauge("batchtrack_runs", "Rows of batch_runs by batch type and status; a gauge: purge lowers it",
                values);
    }

    private static GaugeSnapshot readinessCounts(Period week, DataReadiness r) {
        Map<Labels, Double> values = new TreeMap<>();
        values.put(week(week, "games"), r == null ? 0 : (double) r.gamesCount());
        values.put(week(week, "predictions"), r == null ? 0 : (double) r.predictionsCount());
        return gauge("batchtrack_readiness_count", "data_readiness of the current NFL week: games_count and"
                + " predictions_count; 0 while the week has no row", values);
    }

    private static GaugeSnapshot readinessReady(Period week, DataReadiness r) {
        Map<Labels, Double> values = new TreeMap<>();
        values.put(week(week, "schedule"), r != null && r.scheduleComplete() ? 1.0 : 0.0);
        values.put(week(week, "predictions"), r != null && r.predictionsAvailable() ? 1.0 : 0.0);
        return gauge("batchtrack_readiness_ready", "data_readiness of the current NFL week: 1 if schedule_complete"
                + " (dataset schedule) or predictions_available (dataset predictions), else 0", values);
    }

    private static Labels week(Period p, String dataset) {
        return Labels.of("season_year", Integer.toString(p.seasonYear()), "week", Integer.toString(p.week()),
                "season_type", p.seasonType().code(), "dataset", dataset);
    }

    private static GaugeSnapshot slotStates(ScheduleReport schedule) {
        Map<Labels, Double> values = new TreeMap<>();
        Set<String> seen = new TreeSet<>();
        for (ExpectationStatus e : schedule.expectations()) {
            String type = e.expectation().batchType();
            String mode = e.expectation().mode() == null ? "" : e.expectation().mode();
            if (!seen.add(type + "\u0000" + mode)) {
                continue; // one row per type and mode in batch_expectations; kept safe all the same
            }
            Slot due = e.latestDue();
            for (SlotState state : DUE_STATES) {
                values.put(Labels.of("batch_type", type, "batch_mode", mode, "state", state.code()),
                        due != null && due.state() == state ? 1.0 : 0.0);
            }
        }
        return gauge("batchtrack_slot_state", "The state of the expectation's latest due slot: 1 for its state,"
                + " 0 for the others; all 0 while no slot is due or the expectation cannot be evaluated", values);
    }

    private static GaugeSnapshot gauge(String name, String help, Map<Labels, Double> values) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        values.forEach((labels, value) -> gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(value)
                .build()));
        return gauge.build();
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }
}
