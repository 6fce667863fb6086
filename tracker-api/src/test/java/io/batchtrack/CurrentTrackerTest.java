package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.spi.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tracker {@code Tracker.current()} hands out keeps its thread's counter cell (the hot path):
 * counts stay exact when that tracker is handed to other threads, when more threads count than the
 * run has cells, and when it is used after the run ended.
 */
class CurrentTrackerTest {
    private static final RunSpec SPEC = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL,
            Period.regular(2025, 17), Trigger.MANUAL);
    private static final int PER_THREAD = 100_000;

    private final RecordingStore store = new RecordingStore();
    private final BatchTracking tracking = BatchTracking.builder().store(store).build();

    @AfterEach
    void noRunLeftCurrent() {
        assertThat(Tracker.current().isActive()).as("a run leaked into the thread").isFalse();
    }

    @Test
    void the_opening_threads_tracker_handed_to_other_threads_loses_no_count() throws Exception {
        int threads = 4;
        tracking.run(SPEC, () -> {
            Tracker handedOn = Tracker.current(); // this thread's tracker, used from others at the same time
            handedOn.increment(Metrics.GAMES_PROCESSED, 1); // it has found this thread's cell already
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        handedOn.increment(Metrics.GAMES_PROCESSED, 1);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (int i = 0; i < PER_THREAD; i++) {
                handedOn.increment(Metrics.GAMES_PROCESSED, 1);
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        });

        assertThat(store.only().metric(Metrics.GAMES_PROCESSED)).isEqualTo(1 + (threads + 1L) * PER_THREAD);
    }

    @Test
    void more_counting_threads_than_cells_count_exactly() throws Exception {
        int threads = 12; // the run keeps 8 per-thread cells; the rest go through its shared adders
        tracking.run(SPEC, () -> {
            ExecutorService pool = Tracker.wrap(Executors.newFixedThreadPool(threads));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    Tracker mine = Tracker.current();
                    for (int i = 0; i < PER_THREAD; i++) {
                        mine.increment(Metrics.ODDS_SYNCED, 1);
                        Tracker.current().increment("lines_moved", 2);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        });

        RunRecord run = store.only();
        assertThat(run.metric(Metrics.ODDS_SYNCED)).isEqualTo((long) threads * PER_THREAD);
        assertThat(run.metric("lines_moved")).isEqualTo(2L * threads * PER_THREAD);
    }

    @Test
    void the_current_tracker_kept_after_its_run_ended_drops_and_counts_the_late_update() {
        BatchTracker run = tracking.start(SPEC);
        Tracker current = Tracker.current();
        current.increment(Metrics.ODDS_SYNCED, 3);
        run.complete();
        run.close();

        current.increment(Metrics.ODDS_SYNCED, 100);

        assertThat(store.only().metric(Metrics.ODDS_SYNCED)).isEqualTo(3);
        assertThat(run.activeRun().lateUpdates()).isEqualTo(1);
        assertThat(current.runId()).isEqualTo(run.runId());
        assertThat(current.spec()).contains(SPEC);
    }

    @Test
    void a_bad_metric_through_the_current_tracker_is_refused_with_its_name() {
        tracking.run(SPEC, () -> {
            Tracker current = Tracker.current();
            // first, before it has seen any name: null and "" are refused, never taken for a known name
            assertThatThrownBy(() -> current.increment(null, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric name must not be null");
            assertThatThrownBy(() -> current.increment("", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("metric name ''");
            current.increment(Metrics.GAMES_PROCESSED, 2);
            assertThatThrownBy(() -> current.increment(Metrics.GAMES_PROCESSED, -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is negative");
            assertThatThrownBy(() -> current.increment("Games Processed", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric name 'Games Processed' does not match [a-z][a-z0-9_]{0,62}");
            assertThatThrownBy(() -> current.increment(Metrics.GAMES_PROCESSED, -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is negative");
        });

        RunRecord run = store.only();
        assertThat(run.metric(Metrics.GAMES_PROCESSED)).isEqualTo(2);
        assertThat(run.metric(Metrics.API_CALLS_MADE)).as("what a refused name must never be taken for").isZero();
    }
}
