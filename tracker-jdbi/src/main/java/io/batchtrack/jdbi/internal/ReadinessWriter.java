package io.batchtrack.jdbi.internal;

import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.spi.Readiness;
import io.batchtrack.spi.ReadinessProbe;
import io.batchtrack.spi.RunRecord;
import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Refreshes one row of {@code data_readiness}. Each count comes from the first source that has it:
 * the operator's SQL ({@code readiness.games-sql}, {@code readiness.predictions-sql}), else the
 * application's {@link ReadinessProbe}, else the run's own counters. Counts from SQL or a probe
 * are taken as they are; counts from a run only ever raise the stored count (a run that synced
 * odds only says nothing about how many games the week has).
 */
public final class ReadinessWriter {
    private final WriteStatement upsert;
    private final String gamesSql;
    private final String predictionsSql;
    private final Supplier<ReadinessProbe> probe;

    /** @param probe supplies the probe, or null when there is none; asked on each refresh */
    public ReadinessWriter(Sql sql, String gamesSql, String predictionsSql, Supplier<ReadinessProbe> probe) {
        this.upsert = new WriteStatement(sql.upsertReadiness);
        this.gamesSql = gamesSql;
        this.predictionsSql = predictionsSql;
        this.probe = probe;
    }

    /** After a run of {@code run.spec().period()} ended in success or partial. */
    public void afterRun(Jdbi jdbi, DataSource dataSource, RunRecord run) throws Exception {
        long games = run.metric(Metrics.GAMES_PROCESSED);
        long predictions = saturatedAdd(run.metric(Metrics.PREDICTIONS_GENERATED),
                run.metric(Metrics.PREDICTIONS_SKIPPED));
        write(jdbi, dataSource, run.spec().period(), games, predictions, run.finishedAt(), run.id());
    }

    /**
     * Without a run (the seed's manual {@code update_data_readiness}): counts from SQL or the
     * probe; a count that has neither keeps its stored value.
     *
     * @throws IllegalStateException if neither SQL nor a probe is configured
     */
    public void refresh(Jdbi jdbi, DataSource dataSource, Period period, Instant now) throws Exception {
        if (gamesSql == null && predictionsSql == null && probe.get() == null) {
            throw new IllegalStateException("no readiness source to refresh " + period + " from: configure"
                    + " readiness.games-sql / readiness.predictions-sql or install a ReadinessProbe");
        }
        write(jdbi, dataSource, period, 0, 0, now, null);
    }

    private void write(Jdbi jdbi, DataSource dataSource, Period period, long runGames, long runPredictions, Instant at, UUID runId)
            throws Exception {
        Long sqlGames = null;
        Long sqlPredictions = null;
        if (gamesSql != null || predictionsSql != null) {
            long[] counts = jdbi.inTransaction(h -> {
                // operator SQL only reads; a statement that writes fails instead of changing data
                h.execute("SET TRANSACTION READ ONLY");
                return new long[] {
                    gamesSql == null ? -1 : count(h, gamesSql, period, "readiness.games-sql"),
                    predictionsSql == null ? -1 : count(h, predictionsSql, period, "readiness.predictions-sql")};
            });
            sqlGames = gamesSql == null ? null : counts[0];
            sqlPredictions = predictionsSql == null ? null : counts[1];
        }
        ReadinessProbe p = gamesSql == null || predictionsSql == null ? probe.get() : null;
        Readiness probed = p == null ? null : p.probe(period);
        if (p != null && (probed == null || !probed.period().equals(period))) {
            throw new IllegalStateException("readiness probe " + p.getClass().getName() + " answered "
                    + (probed == null ? "null" : "for " + probed.period()) + " when asked for " + period);
        }

        boolean gamesExact = sqlGames != null || probed != null;
        long games = sqlGames != null ? sqlGames : probed != null ? probed.gamesCount() : runGames;
        Boolean scheduleComplete = sqlGames == null && probed != null ? probed.scheduleComplete() : null;
        boolean predictionsExact = sqlPredictions != null || probed != null;
        long predictions = sqlPredictions != null ? sqlPredictions
                : probed != null ? probed.predictionsCount() : runPredictions;
        Boolean predictionsAvailable = sqlPredictions == null && probed != null ? probed.predictionsAvailable() : null;

        int gamesCount = gamesExact ? exactCount(games, "games_count") : clamp(games);
        int predictionsCount = predictionsExact ? exactCount(predictions, "predictions_count") : clamp(predictions);
        WriteStatement.Values values = upsert.values()
                .integer("season_year", period.seasonYear())
                .integer("week", period.week())
                .string("season_type", period.seasonType().code())
                .integer("games_count", gamesCount)
                .bool("games_exact", gamesExact)
                .bool("schedule_complete", scheduleComplete)
                .integer("predictions_count", predictionsCount)
                .bool("predictions_exact", predictionsExact)
                .bool("predictions_available", predictionsAvailable)
                .timestamp("updated_at", at)
                .uuid("last_run_id", runId);
        try (Connection c = dataSource.getConnection()) { // plain JDBC on the run's path: see WriteStatement
            values.update(c);
        }
    }

    /** The first column of the first row; no row or NULL counts as 0. */
    private static long count(Handle h, String query, Period period, String key) {
        Long n = h.createQuery(query)
                .configure(SqlStatements.class, s -> s.setUnusedBindingAllowed(true))
                .bind("season_year", period.seasonYear())
                .bind("week", period.week())
                .bind("season_type", period.seasonType().code())
                .mapTo(Long.class)
                .findFirst()
                .orElse(null);
        long value = n == null ? 0 : n;
        if (value < 0) {
            throw new IllegalStateException(key + " returned " + value + " for " + period + "; a count cannot be negative");
        }
        return value;
    }

    /** A source's count must fit the column. */
    private static int exactCount(long n, String column) {
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalStateException(column + " " + n + " is outside 0.." + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** A run's counter only raises the stored count, so the largest storable count is as good as a larger one. */
    private static int clamp(long n) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, n));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** Where counts come from, for diagnostics. */
    public String describe() {
        String sqlPart = gamesSql != null && predictionsSql != null ? "SQL"
                : gamesSql != null ? "SQL for games" : predictionsSql != null ? "SQL for predictions" : null;
        return sqlPart == null ? "probe or run counters" : sqlPart + ", else probe or run counters";
    }
}
