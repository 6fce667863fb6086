package io.batchtrack.internal.context;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The runs that tasks handed to the JDK's executors were submitted in, kept beside the tasks (the
 * executor queues, hooks and return values see the application's own task objects, never a wrapper):
 * filled at submission, consumed where a worker runs the task.
 *
 * <p>Keys are the tasks by identity, held weakly: a task that never runs (removed, cancelled, left
 * in a dropped pool) pins neither itself nor its class loader; once collected, its entry, and the run
 * it held, go at the next use of the table. A task submitted several times before it runs has one
 * captured run per submission, taken in submission order (a submission outside any run, of a task
 * that is already pending, queues "no run", so the later execution does not take an earlier run).
 */
final class PendingRuns {
    private static final ConcurrentHashMap<Object, RunOnThread[]> PENDING = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    private static final RunOnThread[] NONE = new RunOnThread[0];

    private PendingRuns() {}

    /** Whether no task is pending: the worker's fast path. */
    static boolean isEmpty() {
        return PENDING.isEmpty();
    }

    /** {@code task} was handed to an executor while {@code run} (null: none) was current. */
    static void submitted(Object task, RunOnThread run) {
        expunge();
        if (run == null && PENDING.isEmpty()) {
            return;
        }
        if (run == null) {
            PENDING.computeIfPresent(new Probe(task), new Append(null));
        } else {
            PENDING.compute(new Key(task, COLLECTED), new Append(run));
        }
    }

    /**
     * The run {@code task} is to run in now: the one of its oldest pending submission, which is
     * consumed; null if none. A periodic task keeps its run for its later executions while that run is
     * open, and loses it at its first execution after the run has ended.
     */
    static RunOnThread take(Object task, boolean periodic) {
        expunge();
        Probe probe = new Probe(task);
        RunOnThread[] runs = PENDING.get(probe);
        if (runs == null) {
            return null;
        }
        if (periodic && runs.length > 0 && runs[0] != null && !runs[0].isEnded()) {
            return runs[0];
        }
        Take take = new Take();
        PENDING.computeIfPresent(probe, take);
        RunOnThread run = take.taken;
        return periodic && run != null && run.isEnded() ? null : run;
    }

    /** The latest submission of {@code task} will not run on a worker (rejected): forgets it. */
    static void dropLatest(Object task) {
        if (!PENDING.isEmpty()) {
            PENDING.computeIfPresent(new Probe(task), DROP_LATEST);
        }
    }

    /** {@code task} is handed back to the application (shutdownNow): forgets all its submissions. */
    static void forget(Object task) {
        if (!PENDING.isEmpty()) {
            PENDING.remove(new Probe(task));
        }
    }

    private static void expunge() {
        for (Reference<?> r; (r = COLLECTED.poll()) != null; ) {
            PENDING.remove(r);
        }
    }

    private static final DropLatest DROP_LATEST = new DropLatest();

    /** Removes the latest pending submission. */
    private static final class DropLatest implements BiFunction<Object, RunOnThread[], RunOnThread[]> {
        @Override
        public RunOnThread[] apply(Object key, RunOnThread[] runs) {
            return runs.length <= 1 ? null : Arrays.copyOf(runs, runs.length - 1);
        }
    }

    /** Adds one submission's run (null: no run) after the pending ones. */
    private static final class Append implements BiFunction<Object, RunOnThread[], RunOnThread[]> {
        private final RunOnThread run;

        Append(RunOnThread run) {
            this.run = run;
        }

        @Override
        public RunOnThread[] apply(Object key, RunOnThread[] runs) {
            RunOnThread[] now = runs == null ? NONE : runs;
            RunOnThread[] more = Arrays.copyOf(now, now.length + 1);
            more[now.length] = run;
            return more;
        }
    }

    /** Removes the oldest pending submission and remembers its run. */
    private static final class Take implements BiFunction<Object, RunOnThread[], RunOnThread[]> {
        RunOnThread taken;

        @Override
        public RunOnThread[] apply(Object key, RunOnThread[] runs) {
            taken = runs[0];
            return runs.length == 1 ? null : Arrays.copyOfRange(runs, 1, runs.length);
        }
    }

    /** A task as a key of the table: by identity, weakly; cleared, it equals only itself (to be removed). */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object task, ReferenceQueue<Object> queue) {
            super(task, queue);
            this.hash = System.identityHashCode(task);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            Object task = get();
            return task != null && (o instanceof Key k ? k.get() == task : o instanceof Probe p && p.task == task);
        }
    }

    /** A task to look up: no reference object, nothing to enqueue. */
    private static final class Probe {
        private final Object task;

        Probe(Object task) {
            this.task = task;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(task);
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key k && k.get() == task;
        }
    }
}
