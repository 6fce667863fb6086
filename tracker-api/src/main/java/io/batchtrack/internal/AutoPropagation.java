package io.batchtrack.internal;

import io.batchtrack.BatchTracker;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the agent's advice in the JDK's executors calls (so: public, and named by the agent only).
 * A task submitted while no run is current is left exactly as it was; one submitted inside a run is
 * wrapped (thread pools, thread-per-task executors) or, for fork/join tasks, whose identity the pool
 * relies on, remembered in a map until a worker executes it.
 */
public final class AutoPropagation {
    private static final Object UNCHANGED = new Object();
    private static final Object NO_RUN = new Object();
    /** Fork/join tasks submitted inside a run, until they execute; identity keys, as tasks do not override equals. */
    private static final Map<Object, BatchTracker> PENDING = new ConcurrentHashMap<>();

    private AutoPropagation() {}

    /** {@code task}, or a task that runs it with the current run; a future stays a future. */
    public static Runnable runnable(Runnable task) {
        BatchTracker run = CurrentRun.get();
        if (run == null || task == null || task instanceof Carried) {
            return task;
        }
        return task instanceof RunnableFuture<?> f ? new CarriedFuture<>(run, f) : new Carried(run, task);
    }

    public static <T> Callable<T> callable(Callable<T> task) {
        BatchTracker run = CurrentRun.get();
        if (run == null || task == null) {
            return task;
        }
        return () -> {
            BatchTracker previous = CurrentRun.push(run);
            try {
                return task.call();
            } finally {
                CurrentRun.restore(previous);
            }
        };
    }

    /** A fork/join task is queued: it will run with the current run, if any. */
    public static void queued(Object forkJoinTask) {
        BatchTracker run = CurrentRun.get();
        if (run != null && forkJoinTask != null) {
            PENDING.put(forkJoinTask, run);
        }
    }

    /** A fork/join task starts on this thread; hand the result to {@link #executed}. */
    public static Object executing(Object forkJoinTask) {
        if (PENDING.isEmpty()) {
            return UNCHANGED;
        }
        BatchTracker run = PENDING.remove(forkJoinTask);
        if (run == null) {
            // not queued inside a run (or run inline by the thread that has the run): as it was
            return UNCHANGED;
        }
        BatchTracker previous = CurrentRun.push(run);
        return previous == null ? NO_RUN : previous;
    }

    public static void executed(Object token) {
        if (token != UNCHANGED) {
            CurrentRun.restore(token == NO_RUN ? null : (BatchTracker) token);
        }
    }

    private static class Carried implements Runnable {
        private final BatchTracker run;
        private final Runnable task;

        Carried(BatchTracker run, Runnable task) {
            this.run = run;
            this.task = task;
        }

        @Override
        public void run() {
            BatchTracker previous = CurrentRun.push(run);
            try {
                task.run();
            } finally {
                CurrentRun.restore(previous);
            }
        }

        @Override
        public String toString() {
            return task.toString();
        }
    }

    /** Keeps {@code afterExecute(r, t)}'s usual {@code r instanceof Future} check working. */
    private static final class CarriedFuture<T> extends Carried implements RunnableFuture<T> {
        private final RunnableFuture<T> future;

        CarriedFuture(BatchTracker run, RunnableFuture<T> future) {
            super(run, future);
            this.future = future;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return future.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return future.isCancelled();
        }

        @Override
        public boolean isDone() {
            return future.isDone();
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            return future.get();
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            return future.get(timeout, unit);
        }
    }
}
