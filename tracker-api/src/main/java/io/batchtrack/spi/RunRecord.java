package io.batchtrack.spi;

import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.Warning;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A snapshot of one run, as the lifecycle hands it to a {@link RunStore}: at start (status
 * {@code running}, no counters), at each heartbeat (status {@code running}, counters so far) and at
 * the end. Changed records are derived with {@link #started}, {@link #withCounters}, {@link #ended}
 * and {@link #withSpec}.
 *
 * @param id the run's id, generated before the row is written (time-ordered)
 * @param parentId the run that was current on this thread when this one started, or null
 * @param spec batch type, mode, period, trigger and whether it is exclusive
 * @param status the status
 * @param startedAt when the run opened
 * @param finishedAt when the run closed, or null while running
 * @param metrics every metric that was incremented, standard and custom, sorted by name
 * @param warnings the warnings kept (at most the configured cap)
 * @param warningsDropped warnings beyond the cap, counted but not kept
 * @param customMetricsDropped increments of custom metrics dropped because the run already had
 *     the configured number of distinct custom metric names
 * @param failure why the run failed or was skipped, or null
 * @param host the host and process that ran it, {@code pid@hostname}
 * @param staleLimit how long the run may go without a heartbeat before it is taken for dead, or
 *     null if the lifecycle sends none
 * @param traceId the id of the trace the run belongs to (W3C: 32 lowercase hex digits, not all zero),
 *     as a {@link RunListener#runOpening} listener named it before the start row was written; null
 *     when no listener traces runs
 */
public record RunRecord(UUID id, UUID parentId, RunSpec spec, RunStatus status, Instant startedAt,
        Instant finishedAt, Map<String, Long> metrics, List<Warning> warnings, long warningsDropped,
        long customMetricsDropped, RunFailure failure, String host, Duration staleLimit, String traceId) {

    public RunRecord {
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        warnings = List.copyOf(warnings);
        if (traceId != null && !isTraceId(traceId)) {
            throw new IllegalArgumentException("trace id must be 32 lowercase hex digits, not all zero: " + traceId);
        }
    }

    /** A record without a trace id (the constructor of the versions before trace ids). */
    public RunRecord(UUID id, UUID parentId, RunSpec spec, RunStatus status, Instant startedAt, Instant finishedAt,
            Map<String, Long> metrics, List<Warning> warnings, long warningsDropped, long customMetricsDropped,
            RunFailure failure, String host, Duration staleLimit) {
        this(id, parentId, spec, status, startedAt, finishedAt, metrics, warnings, warningsDropped,
                customMetricsDropped, failure, host, staleLimit, null);
    }

    /** Whether {@code s} is a W3C trace id: 32 lowercase hex digits, not all zero. */
    public static boolean isTraceId(String s) {
        if (s == null || s.length() != 32) {
            return false;
        }
        boolean nonZero = false;
        for (int i = 0; i < 32; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
            nonZero |= c != '0';
        }
        return nonZero;
    }

    /** This record with the id of the trace the run belongs to (null for none). */
    public RunRecord withTraceId(String newTraceId) {
        return new RunRecord(id, parentId, spec, status, startedAt, finishedAt, metrics, warnings, warningsDropped,
                customMetricsDropped, failure, host, staleLimit, newTraceId);
    }

    /**
     * The record of a run that has just opened: status {@code running}, no counters, no end.
     *
     * @param staleLimit how long it may go without a heartbeat, or null to leave it to the store
     */
    public static RunRecord started(UUID id, UUID parentId, RunSpec spec, Instant startedAt, String host,
            Duration staleLimit) {
        return new RunRecord(id, parentId, spec, RunStatus.RUNNING, startedAt, null, Map.of(), List.of(), 0, 0, null,
                host, staleLimit);
    }

    /** This record with the counters and warnings so far (a heartbeat's, or the end's). */
    public RunRecord withCounters(Map<String, Long> newMetrics, List<Warning> newWarnings, long newWarningsDropped,
            long newCustomMetricsDropped) {
        return new RunRecord(id, parentId, spec, status, startedAt, finishedAt, newMetrics, newWarnings,
                newWarningsDropped, newCustomMetricsDropped, failure, host, staleLimit, traceId);
    }

    /**
     * This record, ended: its status, when it ended, and why it failed or was skipped (null if it
     * did neither).
     */
    public RunRecord ended(RunStatus newStatus, Instant newFinishedAt, RunFailure newFailure) {
        return new RunRecord(id, parentId, spec, newStatus, startedAt, newFinishedAt, metrics, warnings,
                warningsDropped, customMetricsDropped, newFailure, host, staleLimit, traceId);
    }

    /** The value of a metric, zero if never incremented. */
    public long metric(String name) {
        return metrics.getOrDefault(name, 0L);
    }

    /** Time from start to finish; null while running. */
    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    /** This record with another spec (the lifecycle uses it to replay a run without its exclusivity). */
    public RunRecord withSpec(RunSpec newSpec) {
        return new RunRecord(id, parentId, newSpec, status, startedAt, finishedAt, metrics, warnings, warningsDropped,
                customMetricsDropped, failure, host, staleLimit, traceId);
    }
}
