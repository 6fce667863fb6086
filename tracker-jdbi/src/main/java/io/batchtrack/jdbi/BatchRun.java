package io.batchtrack.jdbi;

import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.Warning;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of {@code batch_runs}, every column; components that may be
 * SQL {@code NULL} are nullable and also offered as {@link Optional}s. {@code recordedAt} is when
 * the database received the row's latest start or end, by the database's clock (schema version 3).
 */
public record BatchRun(
        UUID id,
        UUID parentRunId,
        String batchType,
        String batchMode,
        int seasonYear,
        int week,
        SeasonType seasonType,
        String triggeredBy,
        RunStatus status,
        Instant startedAt,
        Instant completedAt,
        Long durationMs,
        Instant heartbeatAt,
        long apiCallsMade,
        long gamesProcessed,
        long gameLogsAdded,
        long predictionsGenerated,
        long predictionsSkipped,
        long oddsSynced,
        long errorsEncountered,
        Map<String, Long> customMetrics,
        List<Warning> warnings,
        long warningsDropped,
        String errorType,
        String errorMessage,
        String errorStack,
        String host,
        boolean exclusive,
        long customMetricsDropped,
        Long staleLimitMs,
        Instant recordedAt,
        String traceId) {

    public BatchRun {
        customMetrics = Map.copyOf(customMetrics);
        warnings = List.copyOf(warnings);
    }

    /** A row without a trace id (the constructor of the versions before schema version 8). */
    public BatchRun(UUID id, UUID parentRunId, String batchType, String batchMode, int seasonYear, int week,
            SeasonType seasonType, String triggeredBy, RunStatus status, Instant startedAt, Instant completedAt,
            Long durationMs, Instant heartbeatAt, long apiCallsMade, long gamesProcessed, long gameLogsAdded,
            long predictionsGenerated, long predictionsSkipped, long oddsSynced, long errorsEncountered,
            Map<String, Long> customMetrics, List<Warning> warnings, long warningsDropped, String errorType,
            String errorMessage, String errorStack, String host, boolean exclusive, long customMetricsDropped,
            Long staleLimitMs, Instant recordedAt) {
        this(id, parentRunId, batchType, batchMode, seasonYear, week, seasonType, triggeredBy, status, startedAt,
                completedAt, durationMs, heartbeatAt, apiCallsMade, gamesProcessed, gameLogsAdded,
                predictionsGenerated, predictionsSkipped, oddsSynced, errorsEncountered, customMetrics, warnings,
                warningsDropped, errorType, errorMessage, errorStack, host, exclusive, customMetricsDropped,
                staleLimitMs, recordedAt, null);
    }

    /** The W3C id of the trace the run belongs to (schema version 8), if a listener traced it. */
    public Optional<String> traceIdIfAny() {
        return Optional.ofNullable(traceId);
    }

    /** Whether a sweep marked this run failed because its process stopped sending heartbeats. */
    public boolean abandoned() {
        return status == RunStatus.FAILED && "abandoned".equals(errorType);
    }

    /** The NFL week the run worked on. */
    public Period period() {
        return new Period(seasonYear, week, seasonType);
    }

    /** A metric's value, standard or custom; zero if never incremented. */
    public long metric(String name) {
        switch (Metrics.standardIndex(name)) {
            case 0: return apiCallsMade;
            case 1: return gamesProcessed;
            case 2: return gameLogsAdded;
            case 3: return predictionsGenerated;
            case 4: return predictionsSkipped;
            case 5: return oddsSynced;
            case 6: return errorsEncountered;
            default: return customMetrics.getOrDefault(name, 0L);
        }
    }

    /** Start to end; empty while running. */
    public Optional<Duration> duration() {
        return Optional.ofNullable(durationMs).map(Duration::ofMillis);
    }

    public Optional<UUID> parent() {
        return Optional.ofNullable(parentRunId);
    }

    public Optional<Instant> completed() {
        return Optional.ofNullable(completedAt);
    }
}
