package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.RunStatus;
import io.batchtrack.Tracker;
import io.batchtrack.TrackingException;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.StoreUnavailableException;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import io.batchtrack.testsupport.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * While PostgreSQL is down the batch goes on; its runs wait in the local spool and appear exactly
 * once, with their real status and counters, when it is back — written by the heartbeat, or by the
 * next start. Each test that stops the shared server starts it again.
 */
@ExtendWith(PostgresExtension.class)
class DatabaseOutageTest {
    private static final Duration TWENTY_SECONDS = Duration.ofSeconds(20);

    @TempDir
    Path spool;

    @Test
    void aRunWhoseDatabaseStopsMidRunIsWrittenOnceByTheHeartbeatWhenItIsBack(PostgresDatabase db, PostgresServer server)
            throws Exception {
        assumeTrue(server.canRestart(), "only the embedded server can be stopped by a test");
        try (PostgresRunStore store = PostgresRunStore.fromConfig(config(db))) {
            BatchTracking tracking = engine(store);
            BatchTracker run = tracking.start(WEEKLY_FULL);
            run.increment(Metrics.GAMES_PROCESSED, 16);

            server.stop();
            try {
                run.increment(Metrics.ODDS_SYNCED, 4);
                run.warn("odds", "Odds API returned 429 twice");
                run.complete();
                run.close(); // the batch finishes while the database is down
                assertThat(spooledLines()).isEqualTo(1);
            } finally {
                server.start();
            }

            Fixture f = Fixture.of(db);
            // a sweep may mark the silent run abandoned first; the real end replaces that
            BatchRun row = Poll.until(TWENTY_SECONDS, () -> f.store.queries().run(run.id()),
                    r -> r.isPresent() && r.get().status() == RunStatus.PARTIAL, "the spooled end written").orElseThrow();
            assertThat(row.gamesProcessed()).isEqualTo(16);
            assertThat(row.oddsSynced()).isEqualTo(4);
            assertThat(row.warnings()).hasSize(1);
            assertThat(f.count("SELECT count(*) FROM batch_runs")).isEqualTo(1);
            Poll.until(TWENTY_SECONDS, this::spoolFiles, List::isEmpty, "the replayed spool removed");
            tracking.close();
            System.out.println("FIGURES outage-mid-run runs=1 rows=1 lost=0 duplicated=0 replayed_by=heartbeat");
        }
    }

    @Test
    void runsOfADatabaseThatIsDownFromStartToEndAreWrittenByTheNextStart(PostgresDatabase db, PostgresServer server)
            throws Exception {
        assumeTrue(server.canRestart(), "only the embedded server can be stopped by a test");
        UUID during;
        int result;
        Fixture.of(db); // migrated before the outage
        server.stop();
        try {
            try (PostgresRunStore store = PostgresRunStore.fromConfig(config(db))) {
                BatchTracking tracking = engine(store);
                result = tracking.call(WEEKLY_FULL, () -> {
                    Tracker.current().increment(Metrics.GAMES_PROCESSED, 3);
                    return 42;
                });
                during = lastSpooledRun();
                tracking.close(); // the process ends while the database is still down
            }
            assertThat(spoolFiles()).hasSize(1);
        } finally {
            server.start();
        }
        assertThat(result).isEqualTo(42);

        try (PostgresRunStore store = PostgresRunStore.fromConfig(config(db))) {
            BatchTracking next = engine(store);
            next.run(WEEKLY_FULL.withMode("odds_only"), () -> { });

            Fixture f = Fixture.of(db);
            Poll.until(TWENTY_SECONDS, () -> f.count("SELECT count(*) FROM batch_runs WHERE id = ?::uuid",
                    during.toString()), n -> n == 1, "the run of the earlier process written");
            assertThat(f.row("SELECT status, games_processed FROM batch_runs WHERE id = ?::uuid", during.toString()))
                    .containsEntry("status", "success").containsEntry("games_processed", 3L);
            assertThat(f.count("SELECT count(*) FROM batch_runs")).isEqualTo(2);
            Poll.until(TWENTY_SECONDS, this::spoolFiles, List::isEmpty, "the replayed spool removed");
            next.close();
            System.out.println("FIGURES outage-whole-run runs=2 rows=2 lost=0 duplicated=0 replayed_by=next-start");
        }
    }

    @Test
    void rightAfterTheServerRestartsTheSweepSparesRunsThatHadNoChanceToBeatYet(PostgresDatabase db, PostgresServer server) {
        assumeTrue(server.canRestart(), "only the embedded server can be stopped by a test");
        Fixture f = Fixture.of(db);
        server.stop();
        server.start();
        f.execute("INSERT INTO batch_runs (id, batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at, heartbeat_at, stale_limit_ms) VALUES (gen_random_uuid(), 'weekly_update', 2025, 17,"
                + " 'reg', 'manual', 'running', now() - interval '1 hour', now() - interval '1 hour', 60000)");

        int justAfterRestart = f.store.maintenance().sweepAbandoned().size();
        f.execute("UPDATE batch_runs SET stale_limit_ms = 500");
        f.awaitServerUpFor(Duration.ofMillis(500));
        int later = f.store.maintenance().sweepAbandoned().size();

        assertThat(justAfterRestart).isZero();
        assertThat(later).isEqualTo(1);
    }

    @Test
    void underFailFastARunDoesNotStartWhileTheDatabaseIsDownAndTheExceptionSaysWhy(PostgresDatabase db,
            PostgresServer server) {
        assumeTrue(server.canRestart(), "only the embedded server can be stopped by a test");
        Fixture.of(db);
        try (PostgresRunStore store = PostgresRunStore.fromConfig(config(db))) {
            BatchTracking tracking = BatchTracking.builder().store(store).policy(StoreFailurePolicy.FAIL)
                    .spoolDirectory(spool).build();
            boolean[] ran = new boolean[1];
            Throwable thrown;
            server.stop();
            try {
                thrown = catchThrowable(() -> tracking.run(WEEKLY_FULL, () -> ran[0] = true));
            } finally {
                server.start();
            }

            assertThat(ran[0]).isFalse();
            assertThat(thrown).isInstanceOf(TrackingException.class)
                    .hasMessageContaining("not started: its database is unreachable and on-store-failure=fail")
                    .hasMessageContaining("is unreachable").hasMessageContaining("Connection");
            assertThat(spoolFiles()).isEmpty();
            tracking.close();
        }
    }

    @Test
    void duringAnOutageOnlyTheFirstCallWaitsForTheDatabaseTheRestGoStraightToTheSpool(PostgresDatabase db) {
        CountingStore counting = new CountingStore(new Unreachable());
        BatchTracking tracking = BatchTracking.builder().store(counting).heartbeatInterval(Duration.ofMinutes(10))
                .spoolDirectory(spool).build();

        for (int i = 0; i < 20; i++) {
            tracking.run(WEEKLY_FULL, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 1));
        }

        assertThat(counting.calls).hasValue(1);
        assertThat(spooledLines()).isEqualTo(40); // 20 starts, 20 ends
        System.out.println("FIGURES outage-circuit runs=20 store_calls=1 spooled=40 lost=0");
        tracking.close();
    }

    @Test
    void replayedRecordsNeverDuplicateARunNorReopenAFinishedOne(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        UUID id = f.tracking.call(WEEKLY_FULL, () -> {
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 2);
            return Tracker.current().runId().orElseThrow();
        });
        BatchRun finished = f.store.queries().run(id).orElseThrow();
        RunRecord start = RunRecord.started(id, null, WEEKLY_FULL, finished.startedAt(), "replayed@host", null);
        RunRecord end = RunRecord.started(id, null, WEEKLY_FULL, finished.startedAt(), finished.host(), null)
                .withCounters(Map.of(Metrics.GAMES_PROCESSED, 2L), List.of(), 0, 0)
                .ended(RunStatus.SUCCESS, finished.completedAt(), null);

        for (int i = 0; i < 3; i++) {
            f.store.runStarted(start);
            f.store.runProgress(start);
            f.store.runFinished(end);
            f.store.runStarted(start);
        }

        assertThat(f.store.queries().weekHistory(Fixture.WEEK_17)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCESS))
                .satisfies(r -> assertThat(r.gamesProcessed()).isEqualTo(2));
    }

    @Test
    void theSpoolIsForTheOwnerOnly(PostgresDatabase db) throws Exception {
        BatchTracking tracking = BatchTracking.builder().store(new Unreachable()).spoolDirectory(spool.resolve("s"))
                .build();

        tracking.run(WEEKLY_FULL, () -> { });

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.resolve("s"))))
                .isEqualTo("rwx------");
        assertThat(spoolFiles(spool.resolve("s"))).singleElement()
                .satisfies(p -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                        .isEqualTo("rw-------"));
        tracking.close();
    }

    private BatchTracking engine(RunStore store) {
        return BatchTracking.builder().store(store).heartbeatInterval(Duration.ofMillis(500)).spoolDirectory(spool)
                .build();
    }

    private TrackerConfig config(PostgresDatabase db) {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        env.put("BATCHTRACK_JDBC_CONNECTION_TIMEOUT_MS", "500");
        return TrackerConfig.of(Map.of(), env);
    }

    private List<Path> spoolFiles() {
        return spoolFiles(spool);
    }

    private static List<Path> spoolFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".spool")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Records in the spool, its header lines left out. */
    private int spooledLines() {
        int n = 0;
        for (Path p : spoolFiles()) {
            try {
                n += (int) Files.readAllLines(p).stream().filter(l -> l.startsWith("{\"op\"")).count();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return n;
    }

    private UUID lastSpooledRun() throws java.io.IOException {
        List<String> lines = Files.readAllLines(spoolFiles().get(0));
        String last = lines.get(lines.size() - 1);
        int at = last.indexOf("\"id\":\"") + 6;
        return UUID.fromString(last.substring(at, at + 36));
    }

    /** A store whose database never answers, at once. */
    static final class Unreachable implements RunStore {
        @Override
        public void runStarted(RunRecord run) {
            throw new StoreUnavailableException("the database is unreachable (test)", null);
        }

        @Override
        public void runFinished(RunRecord run) {
            throw new StoreUnavailableException("the database is unreachable (test)", null);
        }

        @Override
        public Optional<String> destination() {
            return Optional.of("test:unreachable");
        }
    }

    /** Counts the calls that reach the store it wraps. */
    static final class CountingStore implements RunStore {
        final AtomicInteger calls = new AtomicInteger();
        private final RunStore delegate;

        CountingStore(RunStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void runStarted(RunRecord run) throws Exception {
            calls.incrementAndGet();
            delegate.runStarted(run);
        }

        @Override
        public void runFinished(RunRecord run) throws Exception {
            calls.incrementAndGet();
            delegate.runFinished(run);
        }

        @Override
        public Optional<String> destination() {
            return delegate.destination();
        }
    }
}
