package app.leftovers;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;

/**
 * Inside a run, fork/join tasks of a class from a class loader of their own are queued on a pool
 * whose only worker is busy, and the pool is shut down before they run: they never execute. Once the
 * run has ended and the application has dropped the loader, neither the run nor the loader may stay.
 */
public final class NeverRun {
    private static WeakReference<Object> run;
    private static WeakReference<ClassLoader> loader;
    private static volatile boolean released;

    private NeverRun() {}

    public static void main(String[] args) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(1);
        CountDownLatch busy = new CountDownLatch(1);
        pool.execute(() -> {
            busy.countDown();
            // spins rather than blocks: a blocked worker makes newer pools start a spare one to run the queue
            while (!released) {
                Thread.onSpinWait();
            }
        });
        busy.await();
        queueTasksThatNeverRun(2025, 1, pool);
        pool.shutdownNow(); // cancels the queued tasks: they never execute
        released = true;
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("loader.collected=" + Gc.collected(loader));
        System.out.println("run.collected=" + Gc.collected(run));
        System.out.println("done=true");
        System.exit(0);
    }

    @TrackedBatch(type = "never_run")
    static void queueTasksThatNeverRun(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week,
            ForkJoinPool pool) throws Exception {
        run = new WeakReference<>(Tracker.current());
        URL jar = NeverRun.class.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader own = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        loader = new WeakReference<>(own);
        for (int i = 0; i < 3; i++) {
            pool.execute((ForkJoinTask<?>) own.loadClass("app.leftovers.Idle").getConstructor().newInstance());
        }
        own.close();
        Tracker.current().increment("queued", 3);
    }
}
