package app.identity;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Thread pools whose application code looks at the task objects (priority queues, remove, shutdownNow,
 * rejection handlers, before/afterExecute, decorateTask), each used inside a tracked run. Every line it
 * prints is what the application sees, and must be the same with and without the agent; the tasks count
 * into the run that submitted them ("items").
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        guarded("priority", () -> priorityQueue(2025, 1));
        guarded("remove", () -> remove(2025, 2));
        guarded("shutdown-now", () -> shutdownNow(2025, 3));
        guarded("rejected", () -> rejectionHandler(2025, 4));
        guarded("hooks", () -> hooks(2025, 5));
        guarded("decorate", () -> decorateTask(2025, 6));
        System.out.println("done=true");
        // a step that failed may have left a pool's worker alive: end anyway, as the output is complete
        System.exit(0);
    }

    interface Step {
        void run() throws Exception;
    }

    private static void guarded(String name, Step step) {
        try {
            step.run();
        } catch (Throwable t) {
            System.out.println(name + ".error=" + t);
        }
    }

    /** A task the application knows by its type: comparable by priority, with a name. */
    static final class Job implements Runnable, Comparable<Job> {
        final int priority;
        final String name;
        final List<String> ran;
        final CountDownLatch gate;

        Job(int priority, String name, List<String> ran, CountDownLatch gate) {
            this.priority = priority;
            this.name = name;
            this.ran = ran;
            this.gate = gate;
        }

        @Override
        public void run() {
            try {
                if (gate != null) {
                    gate.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Tracker.current().increment("items", 1);
            synchronized (ran) {
                ran.add(name);
            }
        }

        @Override
        public int compareTo(Job other) {
            return Integer.compare(priority, other.priority);
        }
    }

    private static ThreadPoolExecutor single(BlockingQueue<Runnable> queue) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, queue);
    }

    @TrackedBatch(type = "priority_pool")
    static void priorityQueue(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) throws Exception {
        List<String> ran = new ArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        ThreadPoolExecutor pool = single(new PriorityBlockingQueue<>());
        pool.execute(new Job(0, "first", ran, gate));
        pool.execute(new Job(3, "c", ran, null));
        pool.execute(new Job(1, "a", ran, null));
        pool.execute(new Job(2, "b", ran, null));
        gate.countDown();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("priority.order=" + ran);
    }

    @TrackedBatch(type = "remove_task")
    static void remove(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) throws Exception {
        List<String> ran = new ArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        ThreadPoolExecutor pool = single(new LinkedBlockingQueue<>());
        pool.execute(new Job(0, "blocker", ran, gate));
        Job removed = new Job(0, "removed", ran, null);
        pool.execute(removed);
        pool.execute(new Job(0, "kept", ran, null));
        System.out.println("remove.result=" + pool.remove(removed));
        gate.countDown();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("remove.ran=" + ran);
    }

    @TrackedBatch(type = "shutdown_now")
    static void shutdownNow(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) throws Exception {
        List<String> ran = new ArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ThreadPoolExecutor pool = single(new LinkedBlockingQueue<>());
        pool.execute(() -> {
            started.countDown();
            new Job(0, "blocker", ran, gate).run();
        });
        Job x = new Job(0, "x", ran, null);
        Job y = new Job(0, "y", ran, null);
        pool.execute(x);
        pool.execute(y);
        started.await();
        List<Runnable> back = pool.shutdownNow();
        System.out.println("shutdown-now.same=" + (back.size() == 2 && back.get(0) == x && back.get(1) == y));
        gate.countDown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        // the application runs what it got back, on its own thread: still in its run
        for (Runnable r : back) {
            ((Job) r).run();
        }
        System.out.println("shutdown-now.ran=" + ran);
    }

    @TrackedBatch(type = "rejection_handler")
    static void rejectionHandler(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week)
            throws Exception {
        List<String> ran = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        RejectedExecutionHandler handler = (r, executor) -> {
            Job job = (Job) r;
            rejected.add(job.name);
            job.run(); // caller runs, as CallerRunsPolicy does
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new SynchronousQueue<>(),
                handler);
        pool.execute(new Job(0, "blocker", ran, gate));
        pool.execute(new Job(0, "overflow", ran, null));
        gate.countDown();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("rejected.names=" + rejected);
    }

    @TrackedBatch(type = "execute_hooks")
    static void hooks(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) throws Exception {
        List<String> ran = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>()) {
            @Override
            protected void beforeExecute(Thread t, Runnable r) {
                synchronized (seen) {
                    seen.add("before " + ((Job) r).name);
                }
            }

            @Override
            protected void afterExecute(Runnable r, Throwable t) {
                synchronized (seen) {
                    seen.add("after " + ((Job) r).name);
                }
            }
        };
        pool.execute(new Job(0, "one", ran, null));
        pool.execute(new Job(0, "two", ran, null));
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("hooks.seen=" + seen);
    }

    @TrackedBatch(type = "decorate_task")
    static void decorateTask(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) throws Exception {
        List<String> ran = new ArrayList<>();
        List<String> decorated = new ArrayList<>();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1) {
            @Override
            protected <V> RunnableScheduledFuture<V> decorateTask(Runnable r, RunnableScheduledFuture<V> task) {
                decorated.add(((Job) r).name);
                return task;
            }
        };
        pool.schedule(new Job(0, "later", ran, null), 1, TimeUnit.MILLISECONDS).get();
        pool.submit(new Job(0, "now", ran, null)).get();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("decorate.names=" + decorated + " ran=" + ran);
    }
}
