package io.batchtrack.jdbi.internal;

import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.Warning;
import io.batchtrack.internal.Json;
import io.batchtrack.internal.Text;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.TextLimits;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Binds a {@link RunRecord} to the store's statements on a run's path (plain JDBC: see
 * {@link WriteStatement} for why). Text is cleaned again here (NUL and
 * lone surrogates, which PostgreSQL text and JSONB refuse) and bounded by {@link TextLimits}, the
 * limits the engine applies too, so a record that did not come through the engine still cannot break
 * the write, and one that did is stored as the engine made it.
 */
public final class RunWriter {
    private final WriteStatement insertStartedRun;
    private final WriteStatement runExists;
    private final WriteStatement runningExclusiveRun;
    private final WriteStatement updateProgress;
    private final WriteStatement sweepAbandoned;
    private final WriteStatement upsertFinishedRun;

    public RunWriter(Sql sql) {
        this.insertStartedRun = new WriteStatement(sql.insertStartedRun);
        this.runExists = new WriteStatement(sql.runExists);
        this.runningExclusiveRun = new WriteStatement(sql.runningExclusiveRun);
        this.updateProgress = new WriteStatement(sql.updateProgress);
        this.sweepAbandoned = new WriteStatement(sql.sweepAbandoned);
        this.upsertFinishedRun = new WriteStatement(sql.upsertFinishedRun);
    }

    /**
     * Opens a run. An exclusive run that finds another running for its batch type and period first
     * sweeps (the holder's process may have died), then tries again.
     *
     * @return null if the run is recorded (or was already); else the id of the run that holds the
     *     period, or {@link #UNKNOWN_HOLDER} if holders kept changing
     */
    public UUID started(Connection connection, RunRecord run, Duration defaultStaleLimit) throws SQLException {
        boolean swept = false;
        for (int attempt = 0; attempt < 4; attempt++) {
            WriteStatement.Values insert = insertStartedRun.values();
            bindIdentity(insert, run);
            insert.bigint("stale_limit_ms", staleLimitMs(run));
            if (insert.update(connection) == 1 || !run.spec().exclusive()) {
                return null; // inserted, or a replay of a run that exists
            }
            if (runExists.values().uuid("id", run.id()).number(connection) > 0) {
                return null;
            }
            Period p = run.spec().period();
            List<UUID> holders = runningExclusiveRun.values().string("batch_type", run.spec().batchType())
                    .integer("season_year", p.seasonYear()).integer("week", p.week())
                    .string("season_type", p.seasonType().code()).uuids(connection);
            if (holders.isEmpty()) {
                continue; // it ended between the two statements: the period is free
            }
            UUID holder = holders.get(0);
            if (!swept) {
                swept = true;
                if (sweep(connection, defaultStaleLimit).contains(holder)) {
                    continue; // the holder was dead
                }
            }
            return holder;
        }
        return UNKNOWN_HOLDER;
    }

    /** The holder of a conflict that kept changing hands. */
    public static final UUID UNKNOWN_HOLDER = new UUID(0, 0);

    /** A heartbeat; changes nothing once the run has finished. Returns whether the row was still running. */
    public boolean progress(Connection connection, RunRecord run) throws SQLException {
        WriteStatement.Values update = updateProgress.values();
        update.uuid("id", run.id());
        bindCounters(update, run);
        update.bigint("stale_limit_ms", staleLimitMs(run));
        return update.update(connection) == 1;
    }

    /** Marks abandoned runs; returns their ids. */
    public List<UUID> sweep(Connection connection, Duration defaultStaleLimit) throws SQLException {
        return sweepAbandoned.values().bigint("default_stale_limit_ms", defaultStaleLimit.toMillis()).uuids(connection);
    }

    public void finished(Connection connection, RunRecord run) throws SQLException {
        WriteStatement.Values upsert = upsertFinishedRun.values();
        bindIdentity(upsert, run);
        Duration duration = run.duration();
        upsert.timestamp("completed_at", run.finishedAt())
                .bigint("duration_ms", duration == null ? null : Math.max(0L, duration.toMillis()))
                .timestamp("heartbeat_at", run.finishedAt() != null ? run.finishedAt() : run.startedAt())
                .bigint("stale_limit_ms", staleLimitMs(run));
        bindCounters(upsert, run);
        RunFailure failure = run.failure();
        upsert.string("error_type", failure == null ? null : clean(failure.type(), TextLimits.SHORT_TEXT))
                .string("error_message", failure == null ? null : clean(failure.message(), TextLimits.ERROR_MESSAGE))
                .string("error_stack", failure == null ? null : clean(failure.stackExcerpt(), TextLimits.ERROR_STACK));
        upsert.update(connection);
    }

    private static void bindCounters(WriteStatement.Values statement, RunRecord run) {
        statement.string("custom_metrics", Json.counters(customMetrics(run.metrics())))
                .string("warnings", Json.warnings(cleanWarnings(run.warnings(), run.startedAt())))
                .bigint("warnings_dropped", run.warningsDropped())
                .bigint("custom_metrics_dropped", run.customMetricsDropped());
        for (String metric : Metrics.STANDARD) {
            statement.bigint(metric, run.metric(metric));
        }
    }

    private static Long staleLimitMs(RunRecord run) {
        return run.staleLimit() == null ? null : Math.max(1L, run.staleLimit().toMillis());
    }

    private static void bindIdentity(WriteStatement.Values statement, RunRecord run) {
        statement.uuid("id", run.id())
                .uuid("parent_run_id", run.parentId())
                .string("batch_type", run.spec().batchType())
                .string("batch_mode", run.spec().mode())
                .integer("season_year", run.spec().period().seasonYear())
                .integer("week", run.spec().period().week())
                .string("season_type", run.spec().period().seasonType().code())
                .string("triggered_by", run.spec().trigger().value())
                .string("status", run.status().code())
                .timestamp("started_at", run.startedAt())
                .string("host", clean(run.host(), TextLimits.SHORT_TEXT))
                .bool("exclusive", run.spec().exclusive())
                .string("trace_id", run.traceId());
    }

    private static Map<String, Long> customMetrics(Map<String, Long> metrics) {
        Map<String, Long> custom = new TreeMap<>();
        metrics.forEach((name, value) -> {
            if (Metrics.standardIndex(name) < 0) {
                custom.put(clean(name, TextLimits.SHORT_TEXT), value);
            }
        });
        return custom;
    }

    /** Also gives a warning without a time the run's start, which Json.warnings needs. */
    private static List<Warning> cleanWarnings(List<Warning> warnings, java.time.Instant fallbackTime) {
        List<Warning> clean = new ArrayList<>(warnings.size());
        for (Warning w : warnings) {
            clean.add(new Warning(clean(w.stage(), TextLimits.STAGE), clean(w.message(), TextLimits.WARNING_MESSAGE),
                    w.at() != null ? w.at() : fallbackTime));
        }
        return clean;
    }

    private static String clean(String s, int limit) {
        return s == null ? null : Text.clean(s, limit);
    }
}
