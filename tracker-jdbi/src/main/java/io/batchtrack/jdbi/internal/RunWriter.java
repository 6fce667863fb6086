package io.batchtrack.jdbi.internal;

import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.Warning;
import io.batchtrack.internal.Json;
import io.batchtrack.internal.Text;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.TextLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Binds a {@link RunRecord} to the store's two statements. Text is cleaned again here (NUL and
 * lone surrogates, which PostgreSQL text and JSONB refuse) and bounded by {@link TextLimits}, the
 * limits the engine applies too, so a record that did not come through the engine still cannot break
 * the write, and one that did is stored as the engine made it.
 */
public final class RunWriter {
    private final Sql sql;

    public RunWriter(Sql sql) {
        this.sql = sql;
    }

    /**
     * Opens a run. An exclusive run that finds another running for its batch type and period first
     * sweeps (the holder's process may have died), then tries again.
     *
     * @return null if the run is recorded (or was already); else the id of the run that holds the
     *     period, or {@link #UNKNOWN_HOLDER} if holders kept changing
     */
    public UUID started(Handle handle, RunRecord run, Duration defaultStaleLimit) {
        boolean swept = false;
        for (int attempt = 0; attempt < 4; attempt++) {
            Update insert = handle.createUpdate(sql.insertStartedRun);
            bindIdentity(insert, run);
            insert.bind("stale_limit_ms", staleLimitMs(run));
            if (insert.execute() == 1 || !run.spec().exclusive()) {
                return null; // inserted, or a replay of a run that exists
            }
            if (handle.createQuery(sql.runExists).bind("id", Args.uuid(run.id())).mapTo(Long.class).one() > 0) {
                return null;
            }
            Period p = run.spec().period();
            UUID holder = handle.createQuery(sql.runningExclusiveRun).bind("batch_type", run.spec().batchType())
                    .bind("season_year", p.seasonYear()).bind("week", p.week()).bind("season_type", p.seasonType().code())
                    .mapTo(UUID.class).findOne().orElse(null);
            if (holder == null) {
                continue; // it ended between the two statements: the period is free
            }
            if (!swept) {
                swept = true;
                if (sweep(handle, defaultStaleLimit).contains(holder)) {
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
    public boolean progress(Handle handle, RunRecord run) {
        Update update = handle.createUpdate(sql.updateProgress);
        update.bind("id", Args.uuid(run.id()));
        bindCounters(update, run);
        update.bind("stale_limit_ms", staleLimitMs(run));
        return update.execute() == 1;
    }

    /** Marks abandoned runs; returns their ids. */
    public List<UUID> sweep(Handle handle, Duration defaultStaleLimit) {
        return handle.createQuery(sql.sweepAbandoned).bind("default_stale_limit_ms", defaultStaleLimit.toMillis())
                .mapTo(UUID.class).list();
    }

    public void finished(Handle handle, RunRecord run) {
        Update upsert = handle.createUpdate(sql.upsertFinishedRun);
        bindIdentity(upsert, run);
        Duration duration = run.duration();
        upsert.bind("completed_at", Args.timestamp(run.finishedAt()))
                .bind("duration_ms", duration == null ? null : Math.max(0L, duration.toMillis()))
                .bind("heartbeat_at", Args.timestamp(run.finishedAt() != null ? run.finishedAt() : run.startedAt()))
                .bind("stale_limit_ms", staleLimitMs(run));
        bindCounters(upsert, run);
        RunFailure failure = run.failure();
        upsert.bind("error_type", failure == null ? null : clean(failure.type(), TextLimits.SHORT_TEXT))
                .bind("error_message", failure == null ? null : clean(failure.message(), TextLimits.ERROR_MESSAGE))
                .bind("error_stack", failure == null ? null : clean(failure.stackExcerpt(), TextLimits.ERROR_STACK));
        upsert.execute();
    }

    private static void bindCounters(Update statement, RunRecord run) {
        statement.bind("custom_metrics", Json.counters(customMetrics(run.metrics())))
                .bind("warnings", Json.warnings(cleanWarnings(run.warnings(), run.startedAt())))
                .bind("warnings_dropped", run.warningsDropped())
                .bind("custom_metrics_dropped", run.customMetricsDropped());
        for (String metric : Metrics.STANDARD) {
            statement.bind(metric, run.metric(metric));
        }
    }

    private static Long staleLimitMs(RunRecord run) {
        return run.staleLimit() == null ? null : Math.max(1L, run.staleLimit().toMillis());
    }

    private static void bindIdentity(Update statement, RunRecord run) {
        statement.bind("id", Args.uuid(run.id()))
                .bind("parent_run_id", Args.uuid(run.parentId()))
                .bind("batch_type", run.spec().batchType())
                .bind("batch_mode", run.spec().mode())
                .bind("season_year", run.spec().period().seasonYear())
                .bind("week", run.spec().period().week())
                .bind("season_type", run.spec().period().seasonType().code())
                .bind("triggered_by", run.spec().trigger().value())
                .bind("status", run.status().code())
                .bind("started_at", Args.timestamp(run.startedAt()))
                .bind("host", clean(run.host(), TextLimits.SHORT_TEXT))
                .bind("exclusive", run.spec().exclusive());
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
