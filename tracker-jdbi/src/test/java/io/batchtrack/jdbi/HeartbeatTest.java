package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.RunStatus;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A run that lives says so every interval; a run whose process died is marked abandoned, by the database's clock. */
@ExtendWith(PostgresExtension.class)
class HeartbeatTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void aRunningRunWritesItsHeartbeatAndCountersSoFarEveryInterval(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        BatchTracking tracking = BatchTracking.builder().store(f.store).heartbeatInterval(Duration.ofMillis(200))
                .spoolDirectory(null).build();

        try (BatchTracker run = tracking.start(WEEKLY_FULL)) {
            Object openedBeat = f.row("SELECT heartbeat_at FROM batch_runs").get("heartbeat_at");
            run.increment(Metrics.GAMES_PROCESSED, 5);
            run.increment("box_scores", 2);
            run.warn("game_logs", "Skipped 1 player");

            Map<String, Object> beat = Poll.until(TEN_SECONDS, () -> f.row("SELECT status, games_processed,"
                    + " custom_metrics ->> 'box_scores' AS box, jsonb_array_length(warnings) AS warnings, heartbeat_at,"
                    + " stale_limit_ms FROM batch_runs WHERE id = ?::uuid", run.id().toString()),
                    r -> Long.valueOf(5).equals(r.get("games_processed")), "a heartbeat with the counters so far");

            assertThat(beat).containsEntry("status", "running").containsEntry("box", "2").containsEntry("warnings", 1)
                    .containsEntry("stale_limit_ms", 600L);
            assertThat(beat.get("heartbeat_at")).isNotEqualTo(openedBeat);
            run.complete();
        }
        assertThat(f.row("SELECT status, games_processed FROM batch_runs")).containsEntry("status", "partial")
                .containsEntry("games_processed", 5L);
    }

    @Test
    void aBatchHostWhoseClockIsAYearBehindIsNeverTakenForDead(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        java.time.Clock yearBehind = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofDays(-365));
        BatchTracking tracking = BatchTracking.builder().store(f.store).clock(yearBehind)
                .heartbeatInterval(Duration.ofMillis(200)).staleLimit(Duration.ofMillis(600)).spoolDirectory(null).build();
        f.awaitServerUpFor(Duration.ofSeconds(1));

        try (BatchTracker run = tracking.start(WEEKLY_FULL)) {
            // each heartbeat is followed by a sweep; after several, the run must still be running
            java.util.Set<Object> beats = new java.util.HashSet<>();
            Poll.until(TEN_SECONDS, () -> {
                beats.add(f.row("SELECT heartbeat_at FROM batch_runs").get("heartbeat_at"));
                return beats.size();
            }, n -> n >= 5, "five heartbeats");
            assertThat(f.row("SELECT status, started_at < now() - interval '300 days' AS behind FROM batch_runs"))
                    .containsEntry("status", "running").containsEntry("behind", true);
            run.complete();
        }
        assertThat(f.row("SELECT status FROM batch_runs")).containsEntry("status", "success");
    }

    @Test
    void aLiveRunSweptWhileItsHeartbeatsCouldNotGetThroughSaysSoAndItsRealEndReplacesTheAbandonedMark(
            PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        BatchTracking tracking = BatchTracking.builder().store(f.store).heartbeatInterval(Duration.ofMillis(200))
                .spoolDirectory(null).build();
        try (LogCapture logs = new LogCapture(); BatchTracker run = tracking.start(WEEKLY_FULL)) {
            run.increment(Metrics.GAMES_PROCESSED, 2);
            // what another process's sweep does to it during a partition longer than its stale limit
            f.execute("UPDATE batch_runs SET status = 'failed', error_type = 'abandoned', completed_at = now()");

            Poll.until(TEN_SECONDS, logs::text, t -> t.contains(run.id() + " (" + run.spec().orElseThrow()
                    + ") is alive but its row is not running"), "the heartbeat noticing");
            assertThat(f.row("SELECT status FROM batch_runs")).as("never reopened").containsEntry("status", "failed");
            run.complete();
        }

        assertThat(f.row("SELECT status, coalesce(error_type, '') AS error_type, games_processed FROM batch_runs"))
                .isEqualTo(Map.of("status", "success", "error_type", "", "games_processed", 2L));
    }

    @Test
    void aRunWhoseProcessIsKilledIsMarkedAbandonedWithItsLastCounters(PostgresDatabase db) throws Exception {
        Fixture f = Fixture.of(db);
        Map<String, String> oneSecond = Map.of("heartbeat-interval", "1s", "stale-limit", "3s", "spool.dir", "none");
        // this JVM keeps a run of its own open: its heartbeat is what sweeps, as in production
        BatchTracking watcher = BatchTracking.builder().store(f.store).heartbeatInterval(Duration.ofSeconds(1))
                .staleLimit(Duration.ofSeconds(3)).spoolDirectory(null).build();
        BatchTracker watching = watcher.start(Fixture.WEEKLY_FULL.withMode("odds_only"));
        UUID killed;
        try (ForkedJvm batch = ForkedJvm.start(db, oneSecond, "hold")) {
            killed = UUID.fromString(batch.awaitLine("OPEN ", Duration.ofSeconds(60)).substring(5));
            Poll.until(TEN_SECONDS, () -> f.row("SELECT games_processed FROM batch_runs WHERE id = ?::uuid",
                    killed.toString()), r -> Long.valueOf(7).equals(r.get("games_processed")),
                    "the forked run's first heartbeat");

            batch.kill();
        }
        long killedAt = System.nanoTime();

        BatchRun abandoned = Poll.until(TEN_SECONDS, () -> f.store.queries().run(killed).orElseThrow(),
                r -> r.status() != RunStatus.RUNNING, "the killed run marked abandoned");
        long seconds = (System.nanoTime() - killedAt) / 1_000_000_000L;
        watching.complete();
        watching.close();

        assertThat(abandoned.abandoned()).isTrue();
        assertThat(abandoned.gamesProcessed()).isEqualTo(7);
        assertThat(abandoned.completedAt()).isNotNull();
        assertThat(abandoned.errorMessage()).startsWith("no heartbeat since ").contains("stale limit of 3.0 s")
                .contains("is presumed dead");
        assertThat(f.count("SELECT count(*) FROM batch_runs WHERE status = 'running'")).isZero();
        assertThat(f.count("SELECT count(*) FROM batch_runs WHERE completed_at >= heartbeat_at AND id = ?::uuid",
                killed.toString())).isEqualTo(1);
        System.out.println("FIGURES sigkill runs=1 abandoned=1 still_running=0 games_kept=" + abandoned.gamesProcessed()
                + " detected_within_s=" + (seconds + 1));
    }

    @Test
    void aStoreThatStartsMarksRunsOfDeadProcessesAbandonedAndLeavesLiveOnes(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        insertRunning(f, "interval '1 hour'", 1_000L, 12);
        insertRunning(f, "interval '10 seconds'", 60_000L, 3);
        insertRunning(f, "interval '20 seconds'", null, 4); // no limit of its own: the store's
        f.awaitServerUpFor(Duration.ofSeconds(2));

        PostgresRunStore.builder(db.dataSource()).staleLimit(Duration.ofSeconds(2)).build().ensureReady();

        assertThat(f.rows("SELECT status, coalesce(error_type, '') AS error_type, games_processed,"
                + " completed_at IS NOT NULL AS completed FROM batch_runs ORDER BY games_processed")).containsExactly(
                        Map.of("status", "running", "error_type", "", "games_processed", 3L, "completed", false),
                        Map.of("status", "failed", "error_type", "abandoned", "games_processed", 4L, "completed", true),
                        Map.of("status", "failed", "error_type", "abandoned", "games_processed", 12L, "completed", true));
    }

    @Test
    void aLateHeartbeatNeverReopensOrChangesAFinishedRun(PostgresDatabase db) throws Exception {
        Fixture f = Fixture.of(db);
        BatchTracker run = f.tracking.start(WEEKLY_FULL);
        run.increment(Metrics.GAMES_PROCESSED, 1);
        RunStatus[] late = new RunStatus[1];
        io.batchtrack.spi.RunRecord beat = io.batchtrack.spi.RunRecord.started(run.id(), null, WEEKLY_FULL,
                java.time.Instant.parse("2025-12-30T15:00:00Z"), "late@host", null)
                .withCounters(Map.of(Metrics.GAMES_PROCESSED, 99L), java.util.List.of(), 0, 0);
        run.complete();
        run.close();

        f.store.runProgress(beat);
        f.store.runStarted(beat);
        late[0] = f.store.queries().run(run.id()).orElseThrow().status();

        assertThat(late[0]).isEqualTo(RunStatus.SUCCESS);
        assertThat(f.row("SELECT count(*) AS n, max(games_processed) AS games FROM batch_runs"))
                .containsEntry("n", 1L).containsEntry("games", 1L);
    }

    /** A running row whose last heartbeat was {@code age} ago, by the database's clock. */
    private static void insertRunning(Fixture f, String age, Long staleLimitMs, int games) {
        f.sql.useHandle(h -> h.createUpdate("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type,"
                + " triggered_by, status, started_at, heartbeat_at, stale_limit_ms, games_processed, host)"
                + " VALUES (gen_random_uuid(), 'weekly_update', 2025, 17, 'reg', 'manual', 'running', now() - " + age
                + " - interval '1 minute', now() - " + age + ", :limit, :games, '4242@gone')")
                .bind("limit", staleLimitMs).bind("games", games).execute());
    }

    @Test
    void aLiveRunBeatsEveryIntervalWhileALargeSpoolIsReplayedBehindAFiveSecondReadinessProbe(PostgresDatabase db,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path spool) throws Exception {
        Fixture f = Fixture.of(db);
        // a large spool that an ended process left: 200 successful ends, each followed by a readiness refresh
        io.batchtrack.internal.store.Spool left = io.batchtrack.internal.store.Spool.in(spool,
                f.store.destination().orElseThrow(), 64 << 20);
        for (int i = 0; i < 200; i++) {
            java.time.Instant t = java.time.Instant.now();
            io.batchtrack.spi.RunRecord started = io.batchtrack.spi.RunRecord.started(UUID.randomUUID(), null,
                    Fixture.WEEKLY_FULL.withMode("odds_only"), t, "1@gone", Duration.ofSeconds(3));
            left.append(io.batchtrack.internal.store.SpoolEntry.Op.FINISH, started.ended(RunStatus.SUCCESS, t, null));
        }
        left.close();
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        io.batchtrack.spi.ReadinessRefresher fiveSecondProbe = run -> {
            probes.incrementAndGet();
            Thread.sleep(5_000); // the fault: a readiness probe that takes five seconds
        };
        BatchTracking tracking = BatchTracking.builder().store(f.store).readinessRefresher(fiveSecondProbe)
                .heartbeatInterval(Duration.ofSeconds(1)).staleLimit(Duration.ofSeconds(3)).spoolDirectory(spool)
                .spoolExitTimeout(Duration.ZERO).build();
        f.awaitServerUpFor(Duration.ofSeconds(3));

        try (BatchTracker run = tracking.start(WEEKLY_FULL)) {
            Poll.until(TEN_SECONDS, probes::get, n -> n >= 1, "the replay of the spool under way");
            // another process sweeps all along; the live run must never be taken for dead
            long until = System.nanoTime() + Duration.ofSeconds(9).toNanos();
            int sweeps = 0;
            while (System.nanoTime() < until) {
                f.store.sweepAbandoned();
                sweeps++;
                assertThat(f.row("SELECT status FROM batch_runs WHERE id = ?::uuid", run.id().toString()))
                        .as("after " + sweeps + " sweeps").containsEntry("status", "running");
                Thread.sleep(250); // the pace of the other process's sweeps, not a wait for a condition
            }
            run.complete();
            System.out.println("FIGURES heartbeat-vs-replay interval_ms=1000 stale_ms=3000 probe_ms=5000 spooled=200"
                    + " sweeps=" + sweeps + " swept=0 probes_meanwhile=" + probes.get());
        }
        tracking.close();
    }
}
