package io.batchtrack.jdbi;

import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.internal.RunWriter;
import io.batchtrack.jdbi.internal.StatementFailedException;
import io.batchtrack.jdbi.internal.Sql;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * What an operator does to {@code batch_runs} besides reading it: mark the runs of dead processes
 * abandoned, and delete old runs. Both are also commands ({@code batchtrack sweep},
 * {@code batchtrack purge --older-than P90D}). Both use the database's clock.
 *
 * <pre>{@code
 * RunMaintenance maintenance = RunMaintenance.create(dataSource, "public");
 * maintenance.sweepAbandoned(Duration.ofSeconds(90));
 * maintenance.purge(Duration.ofDays(90));
 * }</pre>
 */
public final class RunMaintenance {
    /** Rows deleted per statement by {@link #purge(Duration)}: each statement holds its row locks briefly. */
    public static final int DEFAULT_PURGE_BATCH = 5_000;

    private final Jdbi jdbi;
    private final Sql sql;
    private final RunWriter runs;
    private final Duration defaultStaleLimit;

    RunMaintenance(Jdbi jdbi, Sql sql, Duration defaultStaleLimit) {
        this.jdbi = jdbi;
        this.sql = sql;
        this.runs = new RunWriter(sql);
        this.defaultStaleLimit = defaultStaleLimit;
    }

    /**
     * Maintenance of the tables in {@code schema}; runs without a stale limit of their own are
     * taken for dead after 90 s without a heartbeat.
     *
     * @throws IllegalArgumentException if the schema name breaks {@link BatchtrackSchema#SCHEMA_RULE}
     */
    public static RunMaintenance create(DataSource dataSource, String schema) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new RunMaintenance(Jdbi.create(dataSource), new Sql(BatchtrackSchema.quote(schema)),
                io.batchtrack.config.EngineSettings.DEFAULT_STALE_LIMIT);
    }

    /** Marks abandoned the running runs silent for longer than their stale limit (or this store's); returns their ids. */
    public List<UUID> sweepAbandoned() {
        return sweepAbandoned(defaultStaleLimit);
    }

    /**
     * Marks {@code failed} with {@code error_type = abandoned} every running run whose last heartbeat
     * is older than its own stale limit, or {@code defaultStaleLimit} for rows that carry none (one
     * UPDATE, by the database's clock; not within a stale limit of the server's own start, when
     * live runs may not have beaten yet).
     *
     * @return the ids of the runs marked
     */
    public List<UUID> sweepAbandoned(Duration defaultStaleLimit) {
        requirePositive("stale limit", defaultStaleLimit);
        return jdbi.withHandle(h -> {
            try {
                return runs.sweep(h.getConnection(), defaultStaleLimit);
            } catch (SQLException e) {
                throw new StatementFailedException("the sweep failed: " + Log.describe(e), e);
            }
        });
    }

    /** {@link #purge(Duration, int)} in batches of {@value #DEFAULT_PURGE_BATCH}. */
    public long purge(Duration olderThan) {
        return purge(olderThan, DEFAULT_PURGE_BATCH);
    }

    /**
     * Deletes finished runs (any status but {@code running}) whose latest start or end the database
     * received more than {@code olderThan} ago ({@code recorded_at}, the database's clock: a batch
     * host whose clock is behind cannot get fresh runs deleted), oldest first, {@code batchSize} rows per statement, each statement its
     * own transaction: concurrent writers wait at most for one batch. {@code data_readiness} is kept.
     *
     * @return how many runs were deleted
     * @throws IllegalArgumentException if the age is not positive or the batch size is outside 1..100000
     */
    public long purge(Duration olderThan, int batchSize) {
        requirePositive("age", olderThan);
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("purge batch size " + batchSize + " is outside 1..100000");
        }
        long total = 0;
        while (true) {
            int deleted = jdbi.withHandle(h -> h.createUpdate(sql.purgeFinished).bind("age_ms", olderThan.toMillis())
                    .bind("batch", batchSize).execute());
            total += deleted;
            if (deleted < batchSize) {
                return total;
            }
        }
    }

    private static void requirePositive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " " + d + " is not positive");
        }
    }
}
