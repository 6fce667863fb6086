package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.BatchTypes;
import io.batchtrack.Period;
import io.batchtrack.RunConflictException;
import io.batchtrack.RunSpec;
import io.batchtrack.config.ConflictPolicy;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** At most one running exclusive run per batch type and period, decided by the database; every loser leaves a row. */
@ExtendWith(PostgresExtension.class)
class ExclusiveRunTest {
    private static final RunSpec EXCLUSIVE = WEEKLY_FULL.withExclusive(true);

    @Test
    void aSecondRunOfTheSamePeriodThrowsNamingTheRunningRunAndIsRecordedAsSkipped(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        AtomicBoolean bodyRan = new AtomicBoolean();
        UUID holderId;
        Throwable thrown;

        try (BatchTracker holder = f.tracking.start(EXCLUSIVE)) {
            holder.detach(); // still running, as in another process: a call on its own thread would join it
            holderId = holder.id();
            thrown = catchThrowable(() -> f.tracking.call(EXCLUSIVE, () -> bodyRan.getAndSet(true)));
            holder.complete();
        }

        assertThat(bodyRan).isFalse();
        assertThat(thrown).isInstanceOf(RunConflictException.class)
                .hasMessageContaining("weekly_update").hasMessageContaining("2025/reg/17")
                .hasMessageContaining("already running as run " + holderId);
        RunConflictException conflict = (RunConflictException) thrown;
        assertThat(conflict.runningRunId()).contains(holderId);
        assertThat(f.rows("SELECT status, coalesce(error_type, '') AS error_type, exclusive,"
                + " completed_at = started_at AS instant FROM batch_runs ORDER BY started_at")).containsExactly(
                        Map.of("status", "success", "error_type", "", "exclusive", true, "instant", false),
                        Map.of("status", "skipped", "error_type", "conflict", "exclusive", true, "instant", true));
        assertThat(f.store.queries().run(conflict.attemptId()).orElseThrow().errorMessage())
                .contains(holderId.toString());
    }

    @Test
    void underOnConflictSkipAVoidBodyIsSkippedButABodyWithAResultStillThrows(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        BatchTracking skipping = BatchTracking.builder().store(f.store).onConflict(ConflictPolicy.SKIP)
                .spoolDirectory(null).build();
        AtomicBoolean bodyRan = new AtomicBoolean();

        try (BatchTracker holder = skipping.start(EXCLUSIVE)) {
            holder.detach(); // still running, as in another process: a call on its own thread would join it
            skipping.run(EXCLUSIVE, () -> bodyRan.set(true));
            assertThat(catchThrowable(() -> skipping.call(EXCLUSIVE, () -> 42))).isInstanceOf(RunConflictException.class);
            BatchTracker skipped = skipping.startOrSkip(EXCLUSIVE);
            assertThat(skipped.isSkipped()).isTrue();
            assertThat(skipped.isEnded()).isTrue();
            holder.complete();
        }

        assertThat(bodyRan).isFalse();
        assertThat(f.count("SELECT count(*) FROM batch_runs WHERE status = 'skipped' AND error_type = 'conflict'"))
                .isEqualTo(3);
    }

    @Test
    void otherPeriodsOtherTypesAndRunsThatAreNotExclusiveAreNotBlocked(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        try (BatchTracker holder = f.tracking.start(EXCLUSIVE)) {
            holder.detach(); // still running, as in another process: a call on its own thread would join it
            f.tracking.run(EXCLUSIVE.withPeriod(Period.regular(2025, 18)), () -> { });
            f.tracking.run(EXCLUSIVE.withPeriod(Period.regular(2024, 17)), () -> { });
            f.tracking.run(new RunSpec(BatchTypes.ROSTER_REFRESH, null, Fixture.WEEK_17, null, true), () -> { });
            f.tracking.run(WEEKLY_FULL, () -> { });
            holder.complete();
        }
        f.tracking.run(EXCLUSIVE, () -> { }); // the period is free again

        assertThat(f.rows("SELECT status, count(*) AS n FROM batch_runs GROUP BY status"))
                .containsExactly(Map.of("status", "success", "n", 6L));
    }

    @Test
    void exclusiveTypesInTheConfigurationMakeEveryRunOfThoseTypesExclusive(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.of(Map.of(), Map.of(
                "BATCHTRACK_JDBC_URL", db.jdbcUrl(), "BATCHTRACK_JDBC_USER", db.user(),
                "BATCHTRACK_EXCLUSIVE_TYPES", "roster_refresh, weekly_update", "BATCHTRACK_ON_CONFLICT", "skip",
                "BATCHTRACK_SPOOL_DIR", "none")));
        AtomicBoolean bodyRan = new AtomicBoolean();

        try (BatchTracker holder = tracking.start(WEEKLY_FULL)) {
            holder.detach(); // still running, as in another process: a call on its own thread would join it
            tracking.run(WEEKLY_FULL.withMode("odds_only"), () -> bodyRan.set(true));
            holder.complete();
        } finally {
            tracking.close();
        }

        assertThat(bodyRan).isFalse();
        assertThat(f.rows("SELECT status, exclusive FROM batch_runs ORDER BY started_at")).containsExactly(
                Map.of("status", "success", "exclusive", true), Map.of("status", "skipped", "exclusive", true));
    }

    @Test
    void aHolderWhoseProcessDiedIsSweptAndTheNextAttemptRuns(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        f.execute("INSERT INTO batch_runs (id, batch_type, batch_mode, season_year, week, season_type, triggered_by,"
                + " status, started_at, heartbeat_at, exclusive, stale_limit_ms) VALUES (gen_random_uuid(),"
                + " 'weekly_update', 'full', 2025, 17, 'reg', 'manual', 'running', now() - interval '1 hour',"
                + " now() - interval '1 hour', true, 1000)");
        f.awaitServerUpFor(Duration.ofSeconds(1));

        f.tracking.run(EXCLUSIVE, () -> { });

        assertThat(f.rows("SELECT status, coalesce(error_type, '') AS error_type FROM batch_runs ORDER BY status"))
                .containsExactly(Map.of("status", "failed", "error_type", "abandoned"),
                        Map.of("status", "success", "error_type", ""));
    }

    @Test
    void manyThreadsInTwoJvmsRacingForOneWeekNeverRunTwoAtOnceAndEveryAttemptIsRecorded(PostgresDatabase db)
            throws Exception {
        int threads = 8;
        int attempts = 30;
        Period week = Period.regular(2025, 9);
        Fixture f = Fixture.of(db);
        BatchTracking here = BatchTracking.builder().store(f.store).onConflict(ConflictPolicy.SKIP)
                .spoolDirectory(null).build();
        ForkedBatch.RaceResult mine;
        String theirs;

        try (ForkedJvm other = ForkedJvm.start(db, Map.of("exclusive.types", ForkedBatch.EXCLUSIVE_TYPE,
                "on-conflict", "fail", "spool.dir", "none"), "race", "" + threads, "" + attempts, "2025", "9")) {
            other.awaitLine("READY", Duration.ofSeconds(60));
            other.send("GO");
            mine = ForkedBatch.race(here, db.dataSource(), threads, attempts, week);
            theirs = other.awaitLine("RACE ", Duration.ofSeconds(120));
            assertThat(other.output()).doesNotContain("VIOLATION");
        }

        Map<String, Integer> them = counts(theirs);
        assertThat(mine.violations()).isEmpty();
        assertThat(them).containsEntry("violations", 0);
        int tried = 2 * threads * attempts;
        int ran = mine.ran() + them.get("ran");
        int lost = mine.skipped() + them.get("skipped") + them.get("conflicts");
        assertThat(ran + lost).isEqualTo(tried);
        assertThat(mine.skipped()).isPositive(); // the race happened in this JVM
        assertThat(them.get("conflicts")).isPositive(); // and in the other one
        assertThat(f.row("SELECT count(*) AS rows, count(*) FILTER (WHERE status = 'success') AS success,"
                + " count(*) FILTER (WHERE status = 'skipped' AND error_type = 'conflict') AS skipped,"
                + " count(*) FILTER (WHERE status = 'running') AS running FROM batch_runs")).containsEntry("rows", (long) tried)
                .containsEntry("success", (long) ran).containsEntry("skipped", (long) lost).containsEntry("running", 0L);

        // the bodies that ran never overlapped: each began after the one before had ended
        List<long[]> bodies = new ArrayList<>();
        for (Map<String, Object> r : f.rows("SELECT (custom_metrics ->> 'body_start_us')::bigint AS b,"
                + " (custom_metrics ->> 'body_end_us')::bigint AS e FROM batch_runs WHERE status = 'success'"
                + " ORDER BY 1")) {
            bodies.add(new long[] {(Long) r.get("b"), (Long) r.get("e")});
        }
        assertThat(bodies).hasSize(ran);
        for (int i = 1; i < bodies.size(); i++) {
            assertThat(bodies.get(i)[0]).as("body %d began before body %d ended", i, i - 1)
                    .isGreaterThanOrEqualTo(bodies.get(i - 1)[1]);
        }
        // every skipped attempt names a run of this table that held the week
        Set<String> ids = new HashSet<>();
        f.rows("SELECT id::text AS id FROM batch_runs WHERE status = 'success'").forEach(r -> ids.add((String) r.get("id")));
        for (Map<String, Object> r : f.rows("SELECT substring(error_message from 'running as run ([0-9a-f-]{36})')"
                + " AS holder FROM batch_runs WHERE status = 'skipped'")) {
            if (r.get("holder") != null) { // null: holders kept changing hands while it tried (recorded all the same)
                assertThat(ids).as("holder named by a skipped attempt").contains((String) r.get("holder"));
            }
        }
        System.out.println("FIGURES exclusive-race jvms=2 threads=" + (2 * threads) + " attempts=" + tried + " ran=" + ran
                + " skipped=" + lost + " overlapping=0 unaccounted=" + (tried - ran - lost));
    }

    private static Map<String, Integer> counts(String line) {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (String part : line.substring("RACE ".length()).split(" ")) {
            String[] kv = part.split("=");
            m.put(kv[0], Integer.parseInt(kv[1]));
        }
        return m;
    }
}
