package io.batchtrack.internal.context;

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
    /** Fork/join tasks submitted inside a run, until they execute; identity keys, as tasks do not override equals. */
    private static final Map<Object, RunOnThread> PENDING = new ConcurrentHashMap<>();

    private AutoPropagation() {}

    /** {@code task}, or a task that runs it with the current run; a future stays a future. */
    public static Runnable runnable(Runnable task) {
        RunOnThread run = CurrentRun.get();
        if (run == null || task == null || task instanceof Carried) {
            return task;
        }
        return task instanceof RunnableFuture<?> f ? new CarriedFuture<>(run, f) : new Carried(run, task);
    }

    public static <T> Callable<T> callable(Callable<T> task) {
        RunOnThread run = CurrentRun.get();
        if (run == null || task == null) {
            return task;
        }
        return () -> {
            try (RunScope scope = RunScope.enter(run)) {
                return task.call();
            }
        };
    }

    /** A fork/join task is queued: it will run with the current run, if any. */
    public static void queued(Object forkJoinTask) {
        RunOnThread run = CurrentRun.get();
        if (run != null && forkJoinTask != null) {
            PENDING.put(forkJoinTask, run);
        }
    }

    /**
     * A fork/join task starts on this thread: the {@link RunScope} it runs in, which the advice holds
     * as an {@code Object} (it may name no type beyond the JDK's) and hands to {@link #executed}.
     */
    public static Object executing(Object forkJoinTask) {
        if (PENDING.isEmpty()) {
            return RunScope.unchanged();
        }
        RunOnThread run = PENDING.remove(forkJoinTask);
        if (run == null) {
            // not queued inside a run (or run inline by the thread that has the run): as it was
            return RunScope.unchanged();
        }
        return RunScope.enter(run);
    }

    /** The fork/join task that {@link #executing} was told of has ended: close its scope. */
    public static void executed(Object scope) {
        if (scope instanceof RunScope s) {
            s.close();
        }
    }

    private static class Carried implements Runnable {
        private final RunOnThread run;
        private final Runnable task;

        Carried(RunOnThread run, Runnable task) {
            this.run = run;
            this.task = task;
        }

        @Override
        public void run() {
            try (RunScope scope = RunScope.enter(run)) {
                task.run();
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

        CarriedFuture(RunOnThread run, RunnableFuture<T> future) {
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
