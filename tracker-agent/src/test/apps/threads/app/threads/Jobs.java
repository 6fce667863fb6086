package app.threads;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Tracked batches that do their counting on other threads, through the JDK's executors only (no
 * Tracker.wrap): the agent must carry each run to its tasks.
 */
public final class Jobs {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);
    private static final CountDownLatch RELEASE_LATE = new CountDownLatch(1);
    private static Future<?> late;

    private Jobs() {}

    static void runAll() throws Exception {
        parallelStream(2025, 1);
        fixedPool(2025, 2);
        scheduled(2025, 3);
        completableFuture(2025, 4);
        if (Runtime.version().feature() >= 21) {
            virtualThreads(2025, 5);
        }
        twoRunsShareOnePool();
        lateTask(2025, 8);
        // the run of lateTask has ended: the task now counts, too late
        RELEASE_LATE.countDown();
        late.get();
        POOL.submit(() -> System.out.println("track.idle-worker=" + Tracker.current().runId().isPresent())).get();
        POOL.shutdown();
        System.out.println("done=true");
    }

    @TrackedBatch(type = "parallel_stream")
    static void parallelStream(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        IntStream.range(0, 10_000).parallel().forEach(i -> Tracker.current().increment("items", 1));
    }

    @TrackedBatch(type = "fixed_pool")
    static void fixedPool(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        CountDownLatch executed = new CountDownLatch(400);
        for (int t = 0; t < 400; t++) {
            futures.add(POOL.submit(() -> Tracker.current().increment("items", 3)));
            POOL.execute(() -> {
                Tracker.current().increment("executed", 1);
                executed.countDown();
            });
        }
        for (Future<?> f : futures) {
            f.get();
        }
        executed.await();
        POOL.invokeAll(List.of(() -> { Tracker.current().increment("invoked", 1); return 1; },
                () -> { Tracker.current().increment("invoked", 1); return 2; })).forEach(f -> { });
    }

    @TrackedBatch(type = "scheduled")
    static void scheduled(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        scheduler.schedule(() -> Tracker.current().increment("items", 5), 1, TimeUnit.MILLISECONDS).get();
        scheduler.schedule(() -> { Tracker.current().increment("items", 7); return 7; }, 1, TimeUnit.MILLISECONDS)
                .get();
        scheduler.shutdown();
    }

    @TrackedBatch(type = "completable_future")
    static void completableFuture(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        int n = CompletableFuture.supplyAsync(() -> { Tracker.current().increment("items", 11); return 1; })
                .thenApplyAsync(x -> { Tracker.current().increment("items", 13); return x + 1; })
                .join();
        CompletableFuture.runAsync(() -> Tracker.current().increment("items", 17), POOL).join();
        System.out.println("completable.result=" + n);
    }

    @TrackedBatch(type = "virtual_threads")
    static void virtualThreads(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) throws Exception {
        // compiled for Java 17, run on 21+
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        for (int t = 0; t < 100; t++) {
            virtual.submit(() -> Tracker.current().increment("items", 1));
            virtual.execute(() -> Tracker.current().increment("executed", 1));
        }
        virtual.shutdown();
        if (!virtual.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("virtual threads did not end");
        }
    }

    /** Two runs open at the same time, each feeding tasks to the one shared pool. */
    static void twoRunsShareOnePool() throws Exception {
        CyclicBarrier bothOpen = new CyclicBarrier(2);
        Thread other = new Thread(() -> {
            try {
                sharedPool(2025, 7, "b_items", bothOpen);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        sharedPool(2025, 6, "a_items", bothOpen);
        other.join();
    }

    @TrackedBatch(type = "shared_pool")
    static void sharedPool(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week, String metric,
            CyclicBarrier bothOpen) throws Exception {
        bothOpen.await();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 1_000; t++) {
            futures.add(POOL.submit(() -> Tracker.current().increment(metric, 1)));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        bothOpen.await();
    }

    @TrackedBatch(type = "late_task")
    static void lateTask(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        Tracker.current().increment("items", 1);
        late = POOL.submit(() -> {
            RELEASE_LATE.await();
            Tracker.current().increment("items", 1000);
            return null;
        });
    }
}
