package io.batchtrack.jdbi;

import io.batchtrack.NflCalendar;
import io.batchtrack.Period;
import io.batchtrack.internal.Names;
import io.batchtrack.jdbi.internal.Args;
import io.batchtrack.jdbi.internal.Rows;
import io.batchtrack.jdbi.internal.Sql;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads {@code batch_runs} and {@code data_readiness}: what a status page, an HTTP endpoint or an
 * operator asks. Every query is served by an index of the migration. Thread-safe.
 *
 * <pre>{@code
 * BatchRunQueries queries = BatchRunQueries.create(dataSource, "public");
 * Optional<BatchRun> latest = queries.latest();
 * List<BatchRun> week17 = queries.weekHistory(Period.regular(2025, 17));
 * Optional<DataReadiness> ready = queries.readiness(Period.regular(2025, 17));
 * }</pre>
 */
public final class BatchRunQueries {
    /** The largest window of {@link #summaries(int)}. */
    public static final int MAX_WINDOW = 1_000;

    private final Jdbi jdbi;
    private final Sql sql;
    private final Clock clock;
    private final DataSource dataSource;
    private final String schema;

    BatchRunQueries(Jdbi jdbi, Sql sql, Clock clock, DataSource dataSource, String schema) {
        this.jdbi = jdbi;
        this.sql = sql;
        this.clock = clock;
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /**
     * Queries over {@code dataSource}, whose {@code schema} holds the tables.
     *
     * @throws IllegalArgumentException if the schema name breaks {@link BatchtrackSchema#SCHEMA_RULE}
     */
    public static BatchRunQueries create(DataSource dataSource, String schema) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new BatchRunQueries(Jdbi.create(dataSource), new Sql(BatchtrackSchema.quote(schema)), Clock.systemUTC(),
                dataSource, schema);
    }

    /** A copy whose "current week" is computed from {@code clock}. */
    public BatchRunQueries withClock(Clock newClock) {
        return new BatchRunQueries(jdbi, sql, Objects.requireNonNull(newClock, "clock"), dataSource, schema);
    }

    /** The database the queries read: for the readers of batchtrack's other tables (tracker-schedule's expectations). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The schema the tables are in. */
    public String schema() {
        return schema;
    }

    /** The most recently started run. */
    public Optional<BatchRun> latest() {
        return jdbi.withHandle(h -> h.createQuery(sql.latestRun).map(Rows.BATCH_RUN).findFirst());
    }

    /** The most recently started run of a batch type. */
    public Optional<BatchRun> latest(String batchType) {
        Names.requireName("batch type", batchType);
        return jdbi.withHandle(h -> h.createQuery(sql.latestRunOfType).bind("batch_type", batchType)
                .map(Rows.BATCH_RUN).findFirst());
    }

    /** One run by id. */
    public Optional<BatchRun> run(UUID id) {
        Objects.requireNonNull(id, "id");
        return runs(Set.of(id)).stream().findFirst();
    }

    /** Every run of a week, newest first. */
    public List<BatchRun> weekHistory(Period period) {
        Objects.requireNonNull(period, "period");
        return jdbi.withHandle(h -> bindPeriod(h.createQuery(sql.weekHistory), period).map(Rows.BATCH_RUN).list());
    }

    /** Runs matching {@code filter}, newest first, at most {@code filter.limit()}. */
    public List<BatchRun> history(RunFilter filter) {
        Objects.requireNonNull(filter, "filter");
        String query = sql.history(filter.batchType() != null, filter.status() != null, filter.seasonYear() != null,
                filter.week() != null, filter.seasonType() != null);
        return jdbi.withHandle(h -> bindFilter(h.createQuery(query), filter).map(Rows.BATCH_RUN).list());
    }

    /**
     * {@link #history}, as excerpts: what a list needs, a few kilobytes per run at most whatever the
     * runs hold (see {@link RunExcerpt} for the cuts).
     */
    public List<RunExcerpt> historyExcerpts(RunFilter filter) {
        Objects.requireNonNull(filter, "filter");
        String query = sql.historyExcerpts(filter.batchType() != null, filter.status() != null,
                filter.seasonYear() != null, filter.week() != null, filter.seasonType() != null);
        return jdbi.withHandle(h -> bindFilter(h.createQuery(query), filter)
                .bind("message_chars", RunExcerpt.MESSAGE_CHARS).bind("stack_chars", RunExcerpt.STACK_CHARS)
                .bind("warnings_shown", RunExcerpt.WARNINGS_SHOWN).map(Rows.RUN_EXCERPT).list());
    }

    private static Query bindFilter(Query q, RunFilter filter) {
        q.bind("limit", filter.limit());
        if (filter.batchType() != null) {
            q.bind("batch_type", filter.batchType());
        }
        if (filter.status() != null) {
            q.bind("status", filter.status().code());
        }
        if (filter.seasonYear() != null) {
            q.bind("season_year", filter.seasonYear().intValue());
        }
        if (filter.week() != null) {
            q.bind("week", filter.week().intValue());
        }
        if (filter.seasonType() != null) {
            q.bind("season_type", filter.seasonType().code());
        }
        return q;
    }

    /** What is ready for a week; empty if no run of that week has refreshed it yet. */
    public Optional<DataReadiness> readiness(Period period) {
        Objects.requireNonNull(period, "period");
        return jdbi.withHandle(h -> bindPeriod(h.createQuery(sql.readinessOfWeek), period).map(Rows.DATA_READINESS)
                .findFirst());
    }

    /** The current NFL week, by this object's clock. */
    public Period currentWeek() {
        return NflCalendar.current(clock);
    }

    /**
     * The newest {@code batch_losses} rows (at most {@code limit}): records batch JVMs lost, by kind,
     * newest report first. Empty on a schema older than version 5.
     */
    public List<LostRecords> losses(int limit) {
        if (limit < 1 || limit > MAX_WINDOW) {
            throw new IllegalArgumentException("limit " + limit + " is outside 1.." + MAX_WINDOW);
        }
        return jdbi.withHandle(h -> h.createQuery(sql.losses).bind("limit", limit).map((rs, ctx) -> new LostRecords(
                rs.getString("host"), rs.getLong("pid"), instant(rs, "process_started_at"), rs.getString("kind"),
                rs.getLong("lost"), instant(rs, "first_reported_at"), instant(rs, "reported_at"))).list());
    }

    private static java.time.Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** What is ready for the current NFL week. */
    public Optional<DataReadiness> currentReadiness() {
        return readiness(currentWeek());
    }

    /**
     * One line per batch type, ordered by type: latest run, latest completed and failed runs, and
     * how the last {@code window} runs ended.
     *
     * @throws IllegalArgumentException if window is outside 1..1000
     */
    public List<BatchTypeSummary> summaries(int window) {
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window " + window + " is outside 1.." + MAX_WINDOW);
        }
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery(sql.summaryCounts)
                .bind("window", window).mapToMap().list());
        Set<UUID> ids = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            for (String column : List.of("last_run_id", "last_success_id", "last_failure_id")) {
                if (row.get(column) != null) {
                    ids.add((UUID) row.get(column));
                }
            }
        }
        Map<UUID, BatchRun> byId = new HashMap<>();
        for (BatchRun run : runs(ids)) {
            byId.put(run.id(), run);
        }
        List<BatchTypeSummary> summaries = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            BatchRun last = byId.get((UUID) row.get("last_run_id"));
            if (last == null) {
                continue; // purged between the two queries
            }
            summaries.add(new BatchTypeSummary((String) row.get("batch_type"), last,
                    byId.get((UUID) row.get("last_success_id")), byId.get((UUID) row.get("last_failure_id")), window,
                    count(row, "successes"), count(row, "partials"), count(row, "failures"), count(row, "running")));
        }
        return summaries;
    }

    private List<BatchRun> runs(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(sql.runsByIds).bind("ids", Args.uuids(ids.toArray(new UUID[0])))
                .map(Rows.BATCH_RUN).list());
    }

    private static Query bindPeriod(Query q, Period period) {
        return q.bind("season_year", period.seasonYear()).bind("week", period.week())
                .bind("season_type", period.seasonType().code());
    }

    private static int count(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).intValue();
    }
}
