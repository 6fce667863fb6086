package io.batchtrack.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.batchtrack.BatchTracking;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.Trigger;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.jdbi.RunFilter;
import io.batchtrack.jdbi.internal.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Item 5: the query API and a purge on a large {@code batch_runs}. For each row count (default one
 * million, then ten million) the table is grown with {@code INSERT ... SELECT generate_series}, the
 * seed's queries are timed through {@link BatchRunQueries} (median, p95 and worst of 200 calls,
 * after 20 to warm up) and explained ({@code EXPLAIN (ANALYZE, BUFFERS)}); then the oldest million
 * rows are purged in batches while another thread keeps recording runs and reading the latest run.
 *
 * <p>The rows: 20 seasons (2006 to 2025) in time order, 27 weeks each (pre 0-4, reg 1-18, post
 * 1-4), eight batch types from 35% to 1% of the runs and a ninth, {@code legacy_import}, that ran only
 * in the first season (0.5% of the rows: the planner must not look for it by walking back through
 * every newer run), 93% success, 4% partial (with a warning),
 * 3% failed (with an error and a stack excerpt), the newest five still running; UUID v7 ids from
 * the start time. The server runs with fsync off (reads do not commit; loading is faster) and
 * 256 MB of shared buffers; its data directory is deleted at the end.
 *
 * <p>Longer than most files on purpose: it is one measurement read top to bottom (grow, time,
 * explain, purge under load) in the order of the BENCHMARKS.md section it prints, and its steps share
 * the pool and the table's shape.
 */
public final class TableScale {
    private static final int WARM_UP = 20;
    private static final int CALLS = 200;
    private static final int PURGE_ROWS = 1_000_000;
    private static final int PURGE_BATCH = io.batchtrack.jdbi.RunMaintenance.DEFAULT_PURGE_BATCH;

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Sql sql = new Sql("\"public\"");
    private final BatchRunQueries queries;
    private final PostgresRunStore store;
    private final Pg pg;

    private TableScale(Pg pg) {
        this.pg = pg;
        this.pool = pg.pool();
        this.store = PostgresRunStore.builder(pool).build();
        store.ensureReady();
        this.queries = store.queries();
        this.jdbi = Jdbi.create(pool);
    }

    public static void main(String[] args) throws Exception {
        long[] sizes = args.length == 0 ? new long[] {1_000_000, 10_000_000}
                : Arrays.stream(args).mapToLong(Long::parseLong).toArray();
        try (Pg pg = Pg.start(false, Map.of("shared_buffers", "256MB", "max_wal_size", "8GB",
                "maintenance_work_mem", "512MB", "checkpoint_timeout", "30min"))) {
            System.out.println("# " + pg.describe());
            TableScale scale = new TableScale(pg);
            try {
                for (long n : sizes) {
                    scale.growTo(n);
                    scale.report(n);
                }
                scale.purge(Math.min(PURGE_ROWS, sizes[sizes.length - 1] / 2));
            } finally {
                scale.store.close();
                scale.pool.close();
            }
        }
        System.out.println("# server stopped, data directory deleted");
    }

    // ---- data ---------------------------------------------------------------------------------------

    private void growTo(long n) throws SQLException {
        long have = count();
        if (have >= n) {
            return;
        }
        long t0 = System.nanoTime();
        // bulk load without the secondary indexes, then build them again exactly as the migrations define them
        List<String[]> indexes = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'batch_runs'"
                    + " AND indexname <> 'batch_runs_pkey'")) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] index : indexes) {
                s.execute("DROP INDEX " + index[0]);
            }
            for (long from = have + 1; from <= n; from += 1_000_000) {
                long to = Math.min(n, from + 999_999);
                s.execute(generate(from, to, n));
            }
            for (String[] index : indexes) {
                s.execute(index[1]);
            }
            s.execute("INSERT INTO data_readiness (season_year, week, season_type, schedule_complete,"
                    + " predictions_available, games_count, predictions_count, updated_at)"
                    + " SELECT DISTINCT season_year, week, season_type, true, true, 16, 16, now() FROM batch_runs"
                    + " ON CONFLICT DO NOTHING");
            s.execute("VACUUM (ANALYZE) batch_runs");
            s.execute("VACUUM (ANALYZE) data_readiness");
        }
        System.out.printf("%n# %,d rows loaded in %.0f s (secondary indexes dropped during the load and rebuilt: %s)%n",
                n - have, (System.nanoTime() - t0) / 1e9, String.join(", ", indexes.stream().map(i -> i[0]).toList()));
    }

    /** Rows {@code from..to} of {@code total}: row i's place in time decides its season and week. */
    private static String generate(long from, long to, long total) {
        String span = "(timestamptz '2006-08-01 00:00+00' + (g.i::float8 / " + total + ") * interval '7122 days')";
        return "INSERT INTO batch_runs (id, parent_run_id, batch_type, batch_mode, season_year, week, season_type,"
                + " triggered_by, status, started_at, completed_at, duration_ms, heartbeat_at, api_calls_made,"
                + " games_processed, game_logs_added, predictions_generated, predictions_skipped, odds_synced,"
                + " errors_encountered, custom_metrics, warnings, warnings_dropped, error_type, error_message,"
                + " error_stack, host)"
                + " SELECT (lpad(to_hex((extract(epoch FROM x.t) * 1000)::bigint), 12, '0') || '7'"
                + "   || lpad(to_hex((x.i % 4096)::int), 3, '0') || '8' || lpad(to_hex(x.i), 15, '0'))::uuid,"
                + " NULL, x.type, x.mode, x.season, x.k_week, x.k_type, x.trig, x.status, x.t,"
                + " CASE WHEN x.status = 'running' THEN NULL ELSE x.t + x.dur * interval '1 millisecond' END,"
                + " CASE WHEN x.status = 'running' THEN NULL ELSE x.dur END,"
                + " x.t + CASE WHEN x.status = 'running' THEN 0 ELSE x.dur END * interval '1 millisecond',"
                + " (x.r2 * 200)::int, CASE WHEN x.type IN ('weekly_update', 'game_log_ingest') THEN 16 ELSE 0 END,"
                + " CASE WHEN x.type = 'game_log_ingest' THEN (x.r2 * 900)::int ELSE 0 END,"
                + " CASE WHEN x.type = 'prediction_generation' THEN 16 ELSE 0 END, 0,"
                + " CASE WHEN x.type = 'odds_sync' THEN (x.r2 * 48)::int ELSE 0 END,"
                + " CASE WHEN x.status = 'failed' THEN 1 ELSE 0 END,"
                + " CASE WHEN x.type = 'game_log_ingest' THEN '{\"box_scores_fetched\": 16}' ELSE '{}' END::jsonb,"
                + " CASE WHEN x.status = 'partial' THEN jsonb_build_array(jsonb_build_object('stage', 'game_logs',"
                + "   'message', 'Skipped 3 players not in database', 'at', x.t)) ELSE '[]'::jsonb END, 0,"
                + " CASE WHEN x.status = 'failed' THEN 'java.net.SocketTimeoutException' END,"
                + " CASE WHEN x.status = 'failed' THEN 'Read timed out after 30000 ms (GET /v2/games?week=' || x.k_week || ')' END,"
                + " CASE WHEN x.status = 'failed' THEN repeat('at io.example.nfl.Feed.fetch(Feed.java:42)' || chr(10), 12) END,"
                + " (1000 + x.i % 50000) || '@batch-host-' || (x.i % 3)"
                + " FROM (SELECT g.i, " + span + " AS t, r.r1, r.r2,"
                + "   (2006 + floor(g.i::float8 * 20 / " + total + "))::int AS season,"
                + "   CASE WHEN w.k < 5 THEN w.k WHEN w.k < 23 THEN w.k - 4 ELSE w.k - 22 END AS k_week,"
                + "   CASE WHEN w.k < 5 THEN 'pre' WHEN w.k < 23 THEN 'reg' ELSE 'post' END AS k_type,"
                + "   CASE WHEN g.i < " + total / 20 + " AND r.r2 < 0.1 THEN 'legacy_import'"
                + "        WHEN r.r1 < 0.35 THEN 'odds_sync' WHEN r.r1 < 0.55 THEN 'game_log_ingest'"
                + "        WHEN r.r1 < 0.70 THEN 'roster_refresh' WHEN r.r1 < 0.80 THEN 'weekly_update'"
                + "        WHEN r.r1 < 0.90 THEN 'prediction_generation' WHEN r.r1 < 0.95 THEN 'injury_report'"
                + "        WHEN r.r1 < 0.99 THEN 'schedule_sync' ELSE 'backfill' END AS type,"
                + "   CASE WHEN r.r2 < 0.6 THEN 'incremental' WHEN r.r2 < 0.9 THEN 'full' END AS mode,"
                + "   CASE WHEN r.r3 < 0.8 THEN 'github_actions' ELSE 'manual' END AS trig,"
                + "   CASE WHEN g.i > " + (total - 5) + " THEN 'running' WHEN r.r3 < 0.93 THEN 'success'"
                + "        WHEN r.r3 < 0.97 THEN 'partial' ELSE 'failed' END AS status,"
                + "   (1000 + r.r2 * 600000)::bigint AS dur"
                + "   FROM (SELECT i, floor(i::float8 * 540 / " + total + ")::int % 27 AS k,"
                + "         random() AS r1, random() AS r2, random() AS r3"
                + "         FROM generate_series(" + from + "::bigint, " + to + "::bigint) AS i) g"
                + "   CROSS JOIN LATERAL (SELECT g.k) w CROSS JOIN LATERAL (SELECT g.r1, g.r2, g.r3) r) x";
    }

    private long count() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM batch_runs")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- queries ------------------------------------------------------------------------------------

    private void report(long n) throws SQLException {
        Period week = Period.regular(2025, 10);
        System.out.printf("%n## %,d rows in batch_runs: %s; data directory %.1f GB%n", count(), sizes(),
                pg.diskBytes() / 1e9);
        System.out.printf("%-44s %9s %9s %9s %7s  %s%n", "query (through BatchRunQueries)", "median", "p95", "max",
                "rows", "plan");
        Map<String, Supplier<Integer>> calls = new LinkedHashMap<>();
        calls.put("latest()", () -> queries.latest().map(r -> 1).orElse(0));
        calls.put("latest(\"weekly_update\")", () -> queries.latest("weekly_update").map(r -> 1).orElse(0));
        calls.put("latest(\"legacy_import\") (retired in 2007)", () -> queries.latest("legacy_import").map(r -> 1).orElse(0));
        calls.put("weekHistory(2025 reg 10)", () -> queries.weekHistory(week).size());
        calls.put("history(newest 50 of 2025 reg 10)", () -> queries.history(RunFilter.newest(50).period(week)).size());
        calls.put("history(newest 50 failed odds_sync)", () -> queries.history(RunFilter.newest(50)
                .batchType("odds_sync").status(RunStatus.FAILED)).size());
        calls.put("readiness(2025 reg 10)", () -> queries.readiness(week).map(r -> 1).orElse(0));
        calls.put("summaries(20)", () -> queries.summaries(20).size());
        Map<String, String> plans = new LinkedHashMap<>();
        plans.put("latest()", explain(sql.latestRun, q -> q));
        plans.put("latest(\"weekly_update\")", explain(sql.latestRunOfType, q -> q.bind("batch_type", "weekly_update")));
        plans.put("latest(\"legacy_import\") (retired in 2007)", explain(sql.latestRunOfType,
                q -> q.bind("batch_type", "legacy_import")));
        plans.put("weekHistory(2025 reg 10)", explain(sql.weekHistory, q -> bindWeek(q, week)));
        plans.put("history(newest 50 of 2025 reg 10)", explain(sql.history(false, false, true, true, true),
                q -> bindWeek(q, week).bind("limit", 50)));
        plans.put("history(newest 50 failed odds_sync)", explain(sql.history(true, true, false, false, false),
                q -> q.bind("batch_type", "odds_sync").bind("status", "failed").bind("limit", 50)));
        plans.put("readiness(2025 reg 10)", explain(sql.readinessOfWeek, q -> bindWeek(q, week)));
        plans.put("summaries(20)", explain(sql.summaryCounts, q -> q.bind("window", 20)));
        for (Map.Entry<String, Supplier<Integer>> call : calls.entrySet()) {
            int rows = 0;
            long warmUntil = System.nanoTime() + 5_000_000_000L; // a slow query warms up for 5 s, not 20 calls
            for (int i = 0; i < WARM_UP && (i < 3 || System.nanoTime() < warmUntil); i++) {
                rows = call.getValue().get();
            }
            long[] t = new long[CALLS];
            int done = 0;
            long budget = System.nanoTime() + 10_000_000_000L; // a slow query gets 10 s, not 200 calls
            while (done < CALLS && (done < 5 || System.nanoTime() < budget)) {
                long s = System.nanoTime();
                call.getValue().get();
                t[done++] = System.nanoTime() - s;
            }
            t = Arrays.copyOf(t, done);
            Arrays.sort(t);
            String plan = plans.get(call.getKey());
            System.out.printf("%-44s %7.2fms %7.2fms %7.2fms %7d  %s%s%n", call.getKey(), t[done / 2] / 1e6,
                    t[done * 95 / 100] / 1e6, t[done - 1] / 1e6, rows, summarize(plan),
                    done < CALLS ? " (only " + done + " calls in 10 s)" : "");
        }
        System.out.println();
        // the plan nodes that matter (the RUN_COLUMNS subplans over JSONB are left out)
        plans.forEach((name, plan) -> System.out.println("### EXPLAIN (ANALYZE, BUFFERS) " + name + "\n"
                + Arrays.stream(plan.split("\n")).filter(l -> l.matches(".*(Scan using|Seq Scan|Limit|Index Cond|"
                        + "Rows Removed|Execution Time|generic plan|Nested Loop|Aggregate|CTE Scan).*"))
                        .filter(l -> !l.contains("Function Scan")).collect(java.util.stream.Collectors.joining("\n"))));
    }

    private static Query bindWeek(Query q, Period p) {
        return q.bind("season_year", p.seasonYear()).bind("week", p.week()).bind("season_type", p.seasonType().code());
    }

    /**
     * The plan the server runs: the driver prepares a statement on the server from its fifth use, and from
     * then on PostgreSQL may switch to a generic plan, blind to the values; both are shown.
     */
    private String explain(String query, java.util.function.UnaryOperator<Query> binder) {
        return jdbi.withHandle(h -> {
            String custom = String.join("\n", binder.apply(h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + query))
                    .mapTo(String.class).list());
            h.execute("SET plan_cache_mode = force_generic_plan");
            try {
                String generic = String.join("\n", binder.apply(h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + query))
                        .mapTo(String.class).list());
                return custom + "\n-- generic plan (what a prepared statement may switch to):\n" + generic;
            } finally {
                h.execute("RESET plan_cache_mode");
            }
        });
    }

    /** Index use at a glance: the scans in the plan the values get, the server's time, and the generic plan's scans if other. */
    private static String summarize(String plan) {
        String[] parts = plan.split("-- generic plan", 2);
        String time = "";
        for (String line : parts[0].split("\n")) {
            if (line.strip().startsWith("Execution Time") && time.isEmpty()) {
                time = line.strip().replace("Execution Time: ", "server ");
            }
        }
        String custom = scans(parts[0]);
        String generic = parts.length > 1 ? scans(parts[1]) : custom;
        return time + "; " + custom + (generic.equals(custom) ? "" : "; GENERIC PLAN: " + generic);
    }

    private static String scans(String plan) {
        List<String> scans = new ArrayList<>();
        for (String line : plan.split("\n")) {
            String l = line.strip().replaceFirst("^->\\s*", "");
            if (l.matches("^(Index Only Scan|Index Scan|Index Scan Backward|Bitmap Index Scan|Seq Scan|Parallel Seq Scan).*")) {
                String s = l.replaceAll("\\s+\\(cost.*", "").replace("Index Scan Backward", "IdxBack")
                        .replace("Index Only Scan", "IdxOnly").replace("Bitmap Index Scan", "BitmapIdx")
                        .replace("Index Scan", "Idx").replace(" using ", ":").replaceAll(" on .*", "")
                        .replace("Seq Scan", "SEQ SCAN " + l.replaceAll(".* on (\\S+).*", "$1"));
                if (!scans.contains(s)) {
                    scans.add(s);
                }
            }
        }
        return String.join(", ", scans);
    }

    private String sizes() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_table_size('batch_runs')),"
                        + " pg_size_pretty(pg_indexes_size('batch_runs'))")) {
            rs.next();
            return "table " + rs.getString(1) + ", indexes " + rs.getString(2);
        }
    }

    // ---- purge --------------------------------------------------------------------------------------

    /**
     * Deletes the oldest {@code rows} finished runs in batches of {@code RunMaintenance.DEFAULT_PURGE_BATCH},
     * each its own transaction, with the statement and the loop of {@code RunMaintenance.purge}, while another
     * thread records runs through the store.
     */
    private void purge(long rows) throws Exception {
        long ageMs; // the age that makes exactly the oldest `rows` runs old enough
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (extract(epoch FROM now() - started_at) * 1000)::bigint"
                        + " FROM batch_runs ORDER BY started_at OFFSET " + rows + " LIMIT 1")) {
            rs.next();
            ageMs = rs.getLong(1);
        }
        BatchTracking tracking = BatchTracking.builder().store(store).trigger(Trigger.MANUAL)
                .policy(StoreFailurePolicy.FAIL).build();
        RunSpec spec = RunSpec.of("weekly_update", new Period(2025, 1, SeasonType.POST));

        long[] before = concurrentLoad(tracking, spec, null, 3_000);
        List<Long> batches = new ArrayList<>();
        AtomicBoolean purging = new AtomicBoolean(true);
        long[][] during = new long[2][];
        Thread load = new Thread(() -> {
            long[] w = concurrentLoad(tracking, spec, purging, Long.MAX_VALUE);
            during[0] = w;
        });
        load.start();
        long total = 0;
        long t0 = System.nanoTime();
        try {
            // the loop of RunMaintenance.purge(Duration, int), one statement per batch, each timed
            while (true) {
                long b = System.nanoTime();
                int deleted = jdbi.withHandle(h -> h.createUpdate(sql.purgeFinished).bind("age_ms", ageMs)
                        .bind("batch", PURGE_BATCH).execute());
                batches.add(System.nanoTime() - b);
                total += deleted;
                if (deleted < PURGE_BATCH) {
                    break;
                }
            }
        } finally {
            purging.set(false);
            load.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] b = batches.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%n## purge of the oldest %,d rows (of %,d): %,d deleted in %.1f s, %d statements of %,d rows,"
                + " each its own transaction%n", rows, count() + total, total, seconds, b.length, PURGE_BATCH);
        System.out.printf("  per statement (= longest time a row lock is held): median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                b[b.length / 2] / 1e6, b[b.length * 95 / 100] / 1e6, b[b.length - 1] / 1e6);
        System.out.printf("  a run recorded by another thread (open + close + readiness):   before: %s   during: %s%n",
                latencies(before), latencies(during[0]));
        System.out.printf("  data directory after the purge: %.1f GB (deleted rows are space for new ones after VACUUM)%n",
                pg.diskBytes() / 1e9);
    }

    /** Records runs back to back until {@code until} turns false or {@code max} runs; returns each run's time. */
    private static long[] concurrentLoad(BatchTracking tracking, RunSpec spec, AtomicBoolean until, long max) {
        List<Long> times = new ArrayList<>();
        while ((until == null || until.get()) && times.size() < max) {
            long s = System.nanoTime();
            tracking.run(spec, () -> {});
            times.add(System.nanoTime() - s);
        }
        return times.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static String latencies(long[] t) {
        if (t == null || t.length == 0) {
            return "no runs";
        }
        return String.format("%,d runs, median %.2f ms, p99 %.2f ms, max %.1f ms", t.length, t[t.length / 2] / 1e6,
                t[(int) (t.length * 0.99)] / 1e6, t[t.length - 1] / 1e6);
    }
}
