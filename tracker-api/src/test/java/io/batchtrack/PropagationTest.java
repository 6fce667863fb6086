package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.spi.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PropagationTest {
    private static final RunSpec WEEKLY = RunSpec.of(BatchTypes.WEEKLY_UPDATE, Period.regular(2024, 1));
    private static final RunSpec PREDICTIONS = RunSpec.of(BatchTypes.PREDICTION_GENERATION, Period.regular(2024, 1));

    private final RecordingStore store = new RecordingStore();
    private final BatchTracking tracking = BatchTracking.builder().store(store).build();
    private final ExecutorService raw = Executors.newFixedThreadPool(4);
    private final ExecutorService pool = Tracker.wrap(raw);

    @AfterEach
    void stop() {
        raw.shutdownNow();
    }

    private RunRecord finished(RunSpec spec) {
        return store.finished.stream().filter(r -> r.spec().batchType().equals(spec.batchType())).findFirst()
                .orElseThrow();
    }

    @Test
    void tasks_on_a_wrapped_pool_of_four_count_into_the_submitting_run() throws Exception {
        tracking.run(WEEKLY, () -> {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                tasks.add(pool.submit(() -> Tracker.current().increment(Metrics.GAME_LOGS_ADDED)));
            }
            for (Future<?> f : tasks) {
                f.get(30, TimeUnit.SECONDS);
            }
        });
        assertThat(store.only().metric(Metrics.GAME_LOGS_ADDED)).isEqualTo(1_000);
    }

    @Test
    void an_unwrapped_pool_does_not_see_the_run() throws Exception {
        tracking.run(WEEKLY, () -> raw.submit(() -> Tracker.current().increment(Metrics.GAME_LOGS_ADDED))
                .get(30, TimeUnit.SECONDS));
        assertThat(store.only().metric(Metrics.GAME_LOGS_ADDED)).isZero();
    }

    @Test
    void two_concurrent_runs_sharing_one_pool_never_receive_each_others_counts() throws Exception {
        CountDownLatch bothOpen = new CountDownLatch(2);
        Callable<Void> weekly = () -> {
            tracking.run(WEEKLY, () -> feed(bothOpen, Metrics.GAMES_PROCESSED, 300));
            return null;
        };
        Callable<Void> predictions = () -> {
            tracking.run(PREDICTIONS, () -> feed(bothOpen, Metrics.PREDICTIONS_GENERATED, 500));
            return null;
        };
        ExecutorService drivers = Executors.newFixedThreadPool(2);
        try {
            for (Future<Void> f : drivers.invokeAll(List.of(weekly, predictions))) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            drivers.shutdownNow();
        }
        assertThat(finished(WEEKLY).metrics()).containsExactly(java.util.Map.entry(Metrics.GAMES_PROCESSED, 300L));
        assertThat(finished(PREDICTIONS).metrics())
                .containsExactly(java.util.Map.entry(Metrics.PREDICTIONS_GENERATED, 500L));
    }

    private void feed(CountDownLatch bothOpen, String metric, int n) throws Exception {
        bothOpen.countDown();
        bothOpen.await(30, TimeUnit.SECONDS);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(() -> {
                Tracker.current().increment(metric);
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(tasks)) {
            f.get();
        }
    }

    @Test
    void a_worker_gets_its_own_state_back_after_the_task() throws Exception {
        tracking.run(WEEKLY, () -> pool.submit(() -> { }).get(30, TimeUnit.SECONDS));
        boolean workerActive = raw.submit(() -> Tracker.current().isActive()).get(30, TimeUnit.SECONDS);
        assertThat(workerActive).isFalse();
    }

    @Test
    void a_task_finishing_after_its_run_closed_changes_nothing() throws Exception {
        CountDownLatch runClosed = new CountDownLatch(1);
        List<Future<?>> late = new ArrayList<>();
        tracking.run(WEEKLY, () -> {
            Tracker.current().increment(Metrics.ODDS_SYNCED, 2);
            late.add(pool.submit(() -> {
                runClosed.await(30, TimeUnit.SECONDS);
                Tracker.current().increment(Metrics.ODDS_SYNCED, 1_000);
                return null;
            }));
        });
        runClosed.countDown();
        late.get(0).get(30, TimeUnit.SECONDS);
        assertThat(store.only().metric(Metrics.ODDS_SYNCED)).isEqualTo(2);
    }

    @Test
    void a_wrapped_runnable_carries_the_run_into_a_parallel_stream() {
        tracking.run(WEEKLY, () -> {
            Runnable count = Tracker.wrap((Runnable) () -> Tracker.current().increment(Metrics.API_CALLS_MADE));
            IntStream.range(0, 10_000).parallel().forEach(i -> count.run());
        });
        assertThat(store.only().metric(Metrics.API_CALLS_MADE)).isEqualTo(10_000);
    }
}
