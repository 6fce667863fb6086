package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEK_17;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.Trigger;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Counters are exact under contention, and many open runs never starve a small pool. */
@ExtendWith(PostgresExtension.class)
class ConcurrencyTest {

    @Test
    void eightThreadsIncrementingOneRunAMillionTimesEachGiveExactTotals(PostgresDatabase db) throws Exception {
        Fixture f = Fixture.of(db);
        // heartbeats flush the counters while they are being incremented
        BatchTracking tracking = BatchTracking.builder().store(f.store).heartbeatInterval(Duration.ofMillis(100))
                .spoolDirectory(null).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (BatchTracker run = tracking.start(Fixture.WEEKLY_FULL)) {
            ExecutorService workers = Tracker.wrap(pool);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(workers.submit(() -> {
                    Tracker tracker = Tracker.current();
                    for (int i = 0; i < 1_000_000; i++) {
                        tracker.increment(Metrics.GAMES_PROCESSED);
                        tracker.increment("box_scores", 2);
                    }
                }));
            }
            for (Future<?> d : done) {
                d.get(2, TimeUnit.MINUTES);
            }
            run.complete();
        } finally {
            pool.shutdown();
        }

        assertThat(f.row("SELECT games_processed, (custom_metrics ->> 'box_scores')::bigint AS box FROM batch_runs"))
                .isEqualTo(Map.of("games_processed", 8_000_000L, "box", 16_000_000L));
        System.out.println("FIGURES counters threads=8 increments=16000000 games_processed=8000000 box_scores=16000000");
    }

    @Test
    void fiftyConcurrentRunsOnAPoolOfFourConnectionsAllCompleteWithTheirOwnRows(PostgresDatabase db, @TempDir Path spool)
            throws Exception {
        Fixture.of(db);
        int runs = 50;
        PostgresRunStore store = PostgresRunStore.fromConfig(TrackerConfig.of(Map.of(), Map.of(
                "BATCHTRACK_JDBC_URL", db.jdbcUrl(), "BATCHTRACK_JDBC_USER", db.user(),
                "BATCHTRACK_JDBC_POOL_SIZE", "4")));
        BatchTracking tracking = BatchTracking.builder().store(store).heartbeatInterval(Duration.ofMillis(200))
                .spoolDirectory(spool).build();
        CyclicBarrier allOpen = new CyclicBarrier(runs);
        ExecutorService threads = Executors.newFixedThreadPool(runs);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            int n = i;
            RunSpec spec = new RunSpec(String.format("batch_%02d", n), null, WEEK_17, Trigger.MANUAL);
            done.add(threads.submit(() -> {
                tracking.run(spec, () -> {
                    Tracker.current().increment(Metrics.GAMES_PROCESSED, n + 1);
                    allOpen.await(2, TimeUnit.MINUTES); // all fifty are open at once, heartbeats included
                    Tracker.current().increment(Metrics.ODDS_SYNCED, n);
                });
                return null;
            }));
        }
        for (Future<?> d : done) {
            d.get(3, TimeUnit.MINUTES);
        }
        threads.shutdown();
        tracking.close();

        Fixture f = Fixture.of(db);
        List<Map<String, Object>> rows = f.rows("SELECT batch_type, status, games_processed, odds_synced FROM batch_runs"
                + " ORDER BY batch_type");
        assertThat(rows).hasSize(runs);
        for (int i = 0; i < runs; i++) {
            assertThat(rows.get(i)).isEqualTo(Map.of("batch_type", String.format("batch_%02d", i), "status", "success",
                    "games_processed", (long) i + 1, "odds_synced", (long) i));
        }
        try (var files = Files.list(spool)) {
            assertThat(files).as("nothing waited in the spool: no call timed out on the pool").isEmpty();
        }
        assertThat(f.row("SELECT games_count FROM data_readiness")).containsEntry("games_count", runs);
        System.out.println("FIGURES pool runs=" + runs + " pool=4 rows=" + rows.size() + " spooled=0 lost=0");
    }
}
