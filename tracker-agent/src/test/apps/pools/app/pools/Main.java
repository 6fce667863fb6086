package app.pools;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Uses the JDK's executors for the first time inside a tracked run (so they load after the first tracked
 * class): a thread pool and CompletableFuture's default pool, each asked for the run on its worker.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        System.out.println("job.result=" + job());
    }

    @TrackedBatch(type = "pools_job")
    static int job() throws Exception {
        System.out.println("track.job.run=" + runId());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            System.out.println("track.pool.run=" + pool.submit(Main::runId).get());
        } finally {
            pool.shutdown();
        }
        System.out.println("track.async.run=" + CompletableFuture.supplyAsync(Main::runId).join());
        return 7;
    }

    static String runId() {
        return Tracker.current().runId().map(Object::toString).orElse("none");
    }
}
