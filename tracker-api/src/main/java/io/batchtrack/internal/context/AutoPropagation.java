package io.batchtrack.internal.context;

import io.batchtrack.internal.Log;
import java.util.concurrent.RunnableScheduledFuture;

/**
 * What the agent's advice in the JDK's executors calls (so: public, and named by the agent only).
 * A task submitted while no run is current is left exactly as it was. One submitted inside a run is
 * left as it was too, for thread pools and fork/join pools, whose queues, hooks and return values the
 * application sees: its run is kept beside it ({@link PendingRuns}) and made current where a worker
 * runs it. Only the thread-per-task executors, whose task objects the application never sees, get a
 * wrapper.
 */
public final class AutoPropagation {
    private AutoPropagation() {}

    /** {@code task}, or a task that runs it with the current run (thread-per-task executors only). */
    public static Runnable runnable(Runnable task) {
        RunOnThread run = CurrentRun.get();
        if (run == null || task == null || task instanceof Carried) {
            return task;
        }
        return new Carried(run, task);
    }

    /**
     * A task is handed to a pool ({@code ThreadPoolExecutor.execute}, the scheduled executor's queue,
     * a fork/join queue): it will run with the current run, if any.
     */
    public static void submitted(Object task) {
        if (task == null) {
            return;
        }
        try {
            PendingRuns.submitted(task, CurrentRun.get());
        } catch (Throwable t) {
            Log.warnOnce("propagation", "batchtrack could not carry the current run to a pool's task", t);
        }
    }

    /** The pool rejected {@code task}: the submission recorded for it will not run on a worker. */
    public static void rejected(Object task) {
        try {
            PendingRuns.dropLatest(task);
        } catch (Throwable t) {
            Log.warnOnce("propagation", "batchtrack could not carry the current run to a pool's task", t);
        }
    }

    /** {@code shutdownNow} hands these never-run tasks back to the application: they carry no run any more. */
    public static void drained(java.util.List<?> tasks) {
        if (tasks == null || PendingRuns.isEmpty()) {
            return;
        }
        try {
            for (Object task : tasks) {
                PendingRuns.forget(task);
            }
        } catch (Throwable t) {
            Log.warnOnce("propagation", "batchtrack could not carry the current run to a pool's task", t);
        }
    }

    /**
     * A pool's worker runs {@code task}: what the worker's {@code task.run()} becomes. The task runs
     * exactly once, its exception reaches the worker as it was thrown, and the worker's own run (none,
     * as a rule) is current again afterwards.
     */
    public static void run(Runnable task) {
        RunScope scope = enter(task, true);
        try {
            task.run();
        } finally {
            scope.close();
        }
    }

    /**
     * A fork/join task starts on this thread: the {@link RunScope} it runs in, which the advice holds
     * as an {@code Object} (it may name no type beyond the JDK's) and hands to {@link #executed}.
     */
    public static Object executing(Object forkJoinTask) {
        return enter(forkJoinTask, false);
    }

    /** The fork/join task that {@link #executing} was told of has ended: close its scope. */
    public static void executed(Object scope) {
        if (scope instanceof RunScope s) {
            s.close();
        }
    }

    /** The scope {@code task} runs in: its submission's run, or no change (never throws). */
    private static RunScope enter(Object task, boolean mayBePeriodic) {
        if (task == null || PendingRuns.isEmpty()) {
            return RunScope.unchanged();
        }
        try {
            boolean periodic = mayBePeriodic && task instanceof RunnableScheduledFuture<?> f && f.isPeriodic();
            RunOnThread run = PendingRuns.take(task, periodic);
            // not submitted inside a run, or run inline by the thread that has the run: as it was
            return run == null ? RunScope.unchanged() : RunScope.enter(run);
        } catch (Throwable t) {
            Log.warnOnce("propagation", "batchtrack could not carry the current run to a pool's task", t);
            return RunScope.unchanged();
        }
    }

    private static final class Carried implements Runnable {
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
}
