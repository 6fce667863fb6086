package io.batchtrack;

import io.batchtrack.internal.Checks;
import io.batchtrack.internal.context.CurrentRun;
import io.batchtrack.internal.context.Propagating;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The counters and warnings of the run in progress on this thread.
 *
 * <pre>{@code
 * Tracker.current().increment(Metrics.GAMES_PROCESSED, games.size());
 * Tracker.current().warn("game_logs", "Skipped 3 players not in database");
 * }</pre>
 *
 * An increment is an in-memory add (no I/O, no lock); counters are written when the run
 * ends. Bad input is rejected with an {@link IllegalArgumentException} even outside a run,
 * so mistakes show up in tests that run without tracking.
 *
 * <p>The current run belongs to a thread. Work handed to other threads counts into the run only
 * when it carries it along, with {@link #wrap(Runnable)} and its siblings:
 *
 * <pre>{@code
 * ExecutorService pool = Tracker.wrap(Executors.newFixedThreadPool(4));
 * for (Game g : games) {
 *     pool.submit(() -> Tracker.current().increment(Metrics.GAME_LOGS_ADDED, fetchBoxScore(g)));
 * }
 * }</pre>
 */
public interface Tracker {

    /** The innermost run on this thread; outside a run a tracker that records nothing. Never null. */
    static Tracker current() {
        Object tracker = CurrentRun.tracker(); // this thread's tracker of the engine's run (see RunOnThread)
        return tracker != null ? (Tracker) tracker : NoRunTracker.INSTANCE;
    }

    /** {@code task}, running with the run that is current here and now (or none), then restoring the worker's own. */
    static Runnable wrap(Runnable task) {
        return Propagating.runnable(requireTask(task));
    }

    /** {@code task}, running with the run that is current here and now (or none), then restoring the worker's own. */
    static <T> Callable<T> wrap(Callable<T> task) {
        return Propagating.callable(requireTask(task));
    }

    /** An executor whose tasks run with the run that was current where each was submitted. */
    static Executor wrap(Executor executor) {
        return Propagating.executor(requireTask(executor));
    }

    /** An executor service whose tasks run with the run that was current where each was submitted. */
    static ExecutorService wrap(ExecutorService executor) {
        return Propagating.executorService(requireTask(executor));
    }

    private static <T> T requireTask(T task) {
        if (task == null) {
            throw new IllegalArgumentException("the task or executor to wrap must not be null");
        }
        return task;
    }

    /** Adds one to a metric. */
    default void increment(String metric) {
        increment(metric, 1);
    }

    /**
     * Adds {@code amount} to a metric.
     *
     * @param metric a standard metric ({@link Metrics}) or a custom name matching {@code [a-z][a-z0-9_]{0,62}}
     * @param amount zero or more
     * @throws IllegalArgumentException if the name breaks the rule or the amount is negative
     */
    void increment(String metric, long amount);

    /**
     * Records a warning; a run that ends normally with warnings is {@code partial}. Messages longer
     * than {@code max-message-length} (2,000 characters by default) are truncated and marked; warnings
     * beyond {@code max-warnings} (1,000) are counted, not kept.
     *
     * @param stage the step that warns, for example {@code game_logs}; not blank
     * @param message what happened; not null
     * @throws IllegalArgumentException if stage or message is null, or the stage is blank
     */
    void warn(String stage, String message);

    /** The run's id (the primary key of its {@code batch_runs} row); empty outside a run. */
    Optional<UUID> runId();

    /** What the run is; empty outside a run. */
    Optional<RunSpec> spec();

    /** Whether this tracker records into a run. */
    default boolean isActive() {
        return runId().isPresent();
    }
}

/**
 * The tracker outside a run: records nothing, but validates its input exactly like a live run, so a
 * bad metric name fails the same way in an untracked test as in production. It lives in this file,
 * not in a file of its own, because {@link Tracker#current()} returns it and it implements
 * {@code Tracker}: two files would import each other.
 */
final class NoRunTracker implements Tracker {
    static final NoRunTracker INSTANCE = new NoRunTracker();

    private NoRunTracker() {}

    @Override
    public void increment(String metric, long amount) {
        Checks.metric(metric, amount);
    }

    @Override
    public void warn(String stage, String message) {
        Checks.warning(stage, message);
    }

    @Override
    public Optional<UUID> runId() {
        return Optional.empty();
    }

    @Override
    public Optional<RunSpec> spec() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Tracker[no run]";
    }
}
