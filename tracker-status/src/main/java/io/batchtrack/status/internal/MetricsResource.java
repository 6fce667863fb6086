package io.batchtrack.status.internal;

import io.batchtrack.NflCalendar;
import io.batchtrack.Period;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.schedule.ScheduleReport;
import io.batchtrack.schedule.Schedules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * {@code GET /metrics}: the metrics of {@link MetricsText}, computed from the database at most once
 * per {@link #TTL} however many scrapers ask (each Prometheus replica, a Grafana agent, a curl).
 * A computation reads: the grouped pass over {@code batch_runs} ({@link RunGroups}), the current
 * week's {@code data_readiness} row (its primary key), and the expectations' evaluation (one indexed,
 * bounded read per expectation, as {@code /api/admin/expectations} does). Requests that arrive while
 * one computes wait for its answer rather than start another. A failed computation is not cached: the
 * next scrape tries again. {@link StatusHandler} routes to it, so the Host and token checks, the
 * methods and the answer to a database that does not answer (503) are the other endpoints'.
 */
final class MetricsResource {
    /** How long one computation answers every scrape. */
    static final Duration TTL = Duration.ofSeconds(5);

    private final Clock clock;
    private final LongSupplier nanoTime;
    private String body;
    private long computedAt;

    MetricsResource(Clock clock) {
        this(clock, System::nanoTime);
    }

    MetricsResource(Clock clock, LongSupplier nanoTime) {
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /** The metrics, from the cache while it is younger than {@link #TTL}. */
    synchronized String answer(BatchRunQueries q) {
        long now = nanoTime.getAsLong();
        if (body != null && now - computedAt < TTL.toNanos()) {
            return body;
        }
        String fresh = compute(q);
        body = fresh;
        computedAt = now;
        return fresh;
    }

    private String compute(BatchRunQueries q) {
        Period week = NflCalendar.current(clock);
        ScheduleReport schedule = Schedules.create(q.dataSource(), q.schema()).evaluate(clock);
        byte[] text = MetricsText.render(RunGroups.read(q.dataSource(), q.schema()), week,
                q.readiness(week).orElse(null), schedule);
        return new String(text, StandardCharsets.UTF_8);
    }
}
