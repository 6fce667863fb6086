package io.batchtrack.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.jdbi.internal.Sql;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every query of the query API can be answered from an index: with sequential scans priced out, none is left. */
@ExtendWith(PostgresExtension.class)
class QueryPlanTest {

    @Test
    void everyQueryOfTheQueryApiIsServedByAnIndex(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        f.execute("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at) SELECT gen_random_uuid(), (ARRAY['weekly_update', 'roster_refresh',"
                + " 'prediction_generation'])[1 + g % 3], 2000 + g % 25, 1 + g % 18, 'reg', 'manual',"
                + " (ARRAY['success', 'partial', 'failed', 'running'])[1 + g % 4], now() - g * interval '1 hour'"
                + " FROM generate_series(1, 3000) g");
        f.execute("INSERT INTO data_readiness SELECT 2000 + g % 25, 1 + g / 25, 'reg', true, true, 1, 1, now(), NULL"
                + " FROM generate_series(0, 449) g");
        f.execute("ANALYZE batch_runs");
        f.execute("ANALYZE data_readiness");
        Sql sql = new Sql("\"public\"");

        Map<String, String> plans = new java.util.LinkedHashMap<>();
        f.sql.useHandle(h -> {
            h.execute("SET enable_seqscan = off");
            plans.put("latest", plan(h, sql.latestRun, Map.of()));
            plans.put("latest of type", plan(h, sql.latestRunOfType, Map.of("batch_type", "weekly_update")));
            plans.put("week history", plan(h, sql.weekHistory, week()));
            plans.put("readiness", plan(h, sql.readinessOfWeek, week()));
            plans.put("history by type", plan(h, sql.history(true, false, false, false, false),
                    Map.of("batch_type", "weekly_update", "limit", 50)));
            plans.put("history by status", plan(h, sql.history(false, true, false, false, false),
                    Map.of("status", "failed", "limit", 50)));
            plans.put("history by type and status", plan(h, sql.history(true, true, false, false, false),
                    Map.of("batch_type", "weekly_update", "status", "failed", "limit", 50)));
            plans.put("history by season and week", plan(h, sql.history(false, false, true, true, false),
                    Map.of("season_year", 2025, "week", 17, "limit", 50)));
            plans.put("history unfiltered", plan(h, sql.history(false, false, false, false, false), Map.of("limit", 50)));
            plans.put("summary", plan(h, sql.summaryCounts, Map.of("window", 20)));
            plans.put("seed: latest", plan(h, "SELECT * FROM batch_runs ORDER BY started_at DESC LIMIT 1", Map.of()));
            plans.put("seed: week history", plan(h, "SELECT * FROM batch_runs WHERE season_year = 2025 AND week = 17"
                    + " ORDER BY started_at DESC", Map.of()));
            plans.put("seed: readiness", plan(h, "SELECT * FROM data_readiness WHERE season_year = 2025 AND week = 17",
                    Map.of()));
        });

        plans.forEach((name, plan) -> System.out.println("-- " + name + "\n" + plan));
        assertThat(plans).allSatisfy((name, plan) -> assertThat(plan).as(name).doesNotContain("Seq Scan"));
    }

    @Test
    void theSweepThePurgeAndTheConflictLookupAreServedByIndexes(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        f.execute("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at, completed_at, heartbeat_at, exclusive) SELECT gen_random_uuid(),"
                + " CASE WHEN g % 200 = 0 THEN 'exclusive_' || g ELSE 'weekly_update' END,"
                + " 2000 + g % 25, 1 + g % 18, 'reg', 'manual', CASE WHEN g % 100 = 0 THEN 'running' ELSE 'success' END,"
                + " now() - g * interval '1 hour', now() - g * interval '1 hour', now() - g * interval '1 hour',"
                + " g % 200 = 0 FROM generate_series(1, 5000) g");
        f.execute("ANALYZE batch_runs");
        Sql sql = new Sql("\"public\"");

        Map<String, String> plans = new java.util.LinkedHashMap<>();
        f.sql.useHandle(h -> {
            h.execute("SET enable_seqscan = off");
            plans.put("sweep", plan(h, sql.sweepAbandoned, Map.of("default_stale_limit_ms", 90_000L)));
            plans.put("purge", plan(h, sql.purgeFinished, Map.of("age_ms", 90L * 86_400_000L, "batch", 5_000)));
            Map<String, Object> holder = new java.util.HashMap<>(week());
            holder.put("batch_type", "weekly_update");
            plans.put("conflict holder", plan(h, sql.runningExclusiveRun, holder));
        });

        plans.forEach((name, plan) -> System.out.println("-- " + name + "\n" + plan));
        assertThat(plans).allSatisfy((name, plan) -> assertThat(plan).as(name).doesNotContain("Seq Scan"));
        assertThat(plans.get("sweep")).contains("batch_runs_running_idx");
        assertThat(plans.get("conflict holder")).contains("batch_runs_exclusive_running_idx");
    }

    /**
     * Found by the table-scale benchmark: with ten million runs, the latest run of a batch type that last
     * ran years ago took seconds, because PostgreSQL walked every newer run back through the started_at
     * index. Prepared statements soon get a generic plan, blind to the type asked for, so that is the plan
     * checked here; the summary's per-type subqueries have one plan for every type anyway.
     */
    @Test
    void aBatchTypeThatLastRanLongAgoIsFoundThroughItsOwnIndexNotByWalkingBackThroughNewerRuns(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        f.execute("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at) SELECT gen_random_uuid(), CASE WHEN g > 19900 THEN 'legacy_import' WHEN g % 2 = 0"
                + " THEN 'odds_sync' ELSE 'weekly_update' END, 2020, 1 + g % 18, 'reg', 'manual',"
                + " CASE WHEN g % 10 = 0 THEN 'failed' ELSE 'success' END, now() - g * interval '1 hour'"
                + " FROM generate_series(1, 20000) g");
        f.execute("ANALYZE batch_runs");
        Sql sql = new Sql("\"public\"");

        Map<String, String> plans = new java.util.LinkedHashMap<>();
        f.sql.useHandle(h -> {
            h.execute("SET plan_cache_mode = force_generic_plan");
            plans.put("latest of type", plan(h, sql.latestRunOfType, Map.of("batch_type", "legacy_import")));
            plans.put("history by type", plan(h, sql.history(true, false, false, false, false),
                    Map.of("batch_type", "legacy_import", "limit", 50)));
            plans.put("history by type and status", plan(h, sql.history(true, true, false, false, false),
                    Map.of("batch_type", "legacy_import", "status", "success", "limit", 50)));
            plans.put("summary", plan(h, sql.summaryCounts, Map.of("window", 20)));
        });

        plans.forEach((name, plan) -> System.out.println("-- " + name + "\n" + plan));
        assertThat(plans).allSatisfy((name, plan) -> assertThat(plan).as(name)
                .doesNotContain("batch_runs_started_at_idx").doesNotContain("batch_runs_status_started_at_idx")
                .doesNotContain("Seq Scan"));
    }

    private static Map<String, Object> week() {
        return Map.of("season_year", 2025, "week", 17, "season_type", "reg");
    }

    private static String plan(Handle h, String query, Map<String, Object> binds) {
        var q = h.createQuery("EXPLAIN " + query);
        binds.forEach(q::bind);
        List<String> lines = q.mapTo(String.class).list();
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
