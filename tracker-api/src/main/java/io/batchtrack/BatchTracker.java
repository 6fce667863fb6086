package io.batchtrack;

import io.batchtrack.internal.Checks;
import io.batchtrack.internal.CurrentRun;
import io.batchtrack.internal.Failures;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.Text;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * One run, for code that wants no weaving. Two forms:
 *
 * <pre>{@code
 * // callback: returns the body's value, rethrows its exception unchanged
 * int games = BatchTracker.call(spec, () -> syncSchedule());
 *
 * // try-with-resources: call complete() as the last statement of the block
 * try (BatchTracker tracker = BatchTracker.start(spec)) {
 *     tracker.increment(Metrics.GAMES_PROCESSED, syncSchedule());
 *     tracker.complete();
 * }
 * }</pre>
 *
 * <p>Java's {@code try} cannot show a resource the exception that left its block, so a tracker
 * closed without {@link #complete()} is recorded as {@code failed}: a forgotten call shows up at
 * once instead of an exception being recorded as a success. Call {@link #fail(Throwable)} in a
 * {@code catch} inside the block to record the exception itself, or use the callback form.
 *
 * <p>While open, the run is {@link Tracker#current()} on the thread that started it, and the run
 * that was current before is current again after it closes. A tracker is safe to use from many
 * threads; increments made after it closed are dropped, counted and logged once.
 */
public final class BatchTracker implements Tracker, AutoCloseable {

    /** A body that returns a value and may throw {@code E}. */
    @FunctionalInterface
    public interface Body<T, E extends Throwable> {
        T run() throws E;
    }

    /** A body that returns nothing and may throw {@code E}. */
    @FunctionalInterface
    public interface VoidBody<E extends Throwable> {
        void run() throws E;
    }

    private static final RunFailure NOT_COMPLETED = new RunFailure("io.batchtrack.IncompleteRun",
            "closed without complete(): the block did not reach its end", null);

    private final BatchTracking engine;
    private final UUID id;
    private final UUID parentId;
    private final RunSpec spec;
    private final Instant startedAt;
    private final LongAdder[] standard = new LongAdder[Metrics.STANDARD.size()];
    private final ConcurrentHashMap<String, LongAdder> custom = new ConcurrentHashMap<>();
    private final List<Warning> warnings = new ArrayList<>();
    private long warningsDropped;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CountDownLatch recorded = new CountDownLatch(1);
    private volatile boolean completed;
    private volatile Throwable failure;
    private final LongAdder lateUpdates = new LongAdder();
    private final LongAdder customDropped = new LongAdder();
    private volatile boolean skipped;

    // thread attachment: only touched by the thread that opened the run
    private final Thread owner;
    private BatchTracker displaced;
    private boolean attached;

    BatchTracker(BatchTracking engine, UUID id, UUID parentId, RunSpec spec, Instant startedAt) {
        this.engine = engine;
        this.id = id;
        this.parentId = parentId;
        this.spec = spec;
        this.startedAt = startedAt;
        this.owner = Thread.currentThread();
        for (int i = 0; i < standard.length; i++) {
            standard[i] = new LongAdder();
        }
    }

    /** Opens a run with the global {@link BatchTracking} and makes it current on this thread. */
    public static BatchTracker start(RunSpec spec) {
        return BatchTracking.global().start(spec);
    }

    /** Runs {@code body} as a tracked run of the global {@link BatchTracking}; see {@link BatchTracking#call}. */
    public static <T, E extends Throwable> T call(RunSpec spec, Body<T, E> body) throws E {
        return BatchTracking.global().call(spec, body);
    }

    /** Runs {@code body} as a tracked run of the global {@link BatchTracking}; see {@link BatchTracking#run}. */
    public static <E extends Throwable> void run(RunSpec spec, VoidBody<E> body) throws E {
        BatchTracking.global().run(spec, body);
    }

    @Override
    public void increment(String metric, long amount) {
        int index = Checks.metric(metric, amount);
        if (ended.get()) {
            late("increment of " + metric);
            return;
        }
        if (index >= 0) {
            standard[index].add(amount);
            return;
        }
        LongAdder adder = custom.get(metric);
        if (adder == null) {
            if (custom.size() >= engine.maxCustomMetrics()) {
                customDropped.increment();
                Log.warnOnce("custom-metric-cap", "run " + id + " has " + custom.size()
                        + " custom metrics already (max-custom-metrics); metric '" + metric + "' is dropped and"
                        + " counted in custom_metrics_dropped", null);
                return;
            }
            adder = custom.computeIfAbsent(metric, k -> new LongAdder());
        }
        adder.add(amount);
    }

    @Override
    public void warn(String stage, String message) {
        Checks.warning(stage, message);
        if (ended.get()) {
            late("warning of stage " + stage);
            return;
        }
        Warning w = new Warning(Text.clean(stage, io.batchtrack.spi.TextLimits.STAGE), Text.clean(message, engine.maxMessageLength()),
                engine.now());
        synchronized (warnings) {
            if (warnings.size() < engine.maxWarnings()) {
                warnings.add(w);
            } else {
                warningsDropped++;
            }
        }
    }

    private void late(String what) {
        lateUpdates.increment();
        Log.warnOnce("late-update", "run " + id + " (" + spec.batchType() + ") has already ended; the " + what
                + " made after its end is dropped", null);
    }

    /** Marks the block as having reached its end; {@link #close()} then records success or partial. */
    public void complete() {
        completed = true;
    }

    /** Records {@code exception} as the reason this run failed; {@link #close()} then records {@code failed}. */
    public void fail(Throwable exception) {
        if (exception == null) {
            throw new IllegalArgumentException("exception must not be null");
        }
        failure = exception;
    }

    /**
     * Ends the run: restores the previous run as current, writes the final row and, after
     * success or partial, refreshes readiness. Calling it again does nothing.
     *
     * @throws TrackingException only under the fail-fast policy, when the row could not be written
     */
    @Override
    public void close() {
        Throwable f = failure;
        end(f != null ? Failures.of(f) : completed ? null : NOT_COMPLETED);
    }

    /**
     * Ends the run with an outcome known to the caller: {@code thrown} null means the body
     * returned normally. Used by the woven front doors.
     */
    public void finish(Throwable thrown) {
        end(thrown == null ? null : Failures.of(thrown));
    }

    private void end(RunFailure outcome) {
        detach();
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            engine.finished(this, outcome);
        } finally {
            recorded.countDown();
        }
    }

    /**
     * Waits until the end of this run has been handed to the store (or failed to be); for
     * shutdown, where an asynchronous run's end may still be being written on another thread.
     */
    public boolean awaitRecorded(long timeout, TimeUnit unit) throws InterruptedException {
        return recorded.await(timeout, unit);
    }

    /**
     * Ends an exclusive attempt that lost to a running run, without running anything: the engine has
     * recorded it as {@code skipped}.
     */
    void markSkipped() {
        skipped = true;
        ended.set(true);
        recorded.countDown();
    }

    /**
     * Whether this attempt did not start because its batch is exclusive and another run of the same
     * batch type and period was running ({@code on-conflict=skip}): the caller must not run the body.
     * Such a tracker is already ended; what it is given is dropped.
     */
    public boolean isSkipped() {
        return skipped;
    }

    /** Makes the run no longer current on its thread, without ending it (an asynchronous result ends it later). */
    public void detach() {
        if (attached && Thread.currentThread() == owner) {
            attached = false;
            CurrentRun.restore(displaced);
            displaced = null;
        }
    }

    void attach() {
        displaced = CurrentRun.push(this);
        attached = true;
    }

    /** Whether the run has ended. */
    public boolean isEnded() {
        return ended.get();
    }

    /** Increments and warnings that arrived after the run ended and were dropped. */
    public long lateUpdates() {
        return lateUpdates.sum();
    }

    @Override
    public Optional<UUID> runId() {
        return Optional.of(id);
    }

    @Override
    public Optional<RunSpec> spec() {
        return Optional.of(spec);
    }

    /** The run's id. */
    public UUID id() {
        return id;
    }

    /** The run that was current on this thread when this one opened, if any. */
    public Optional<UUID> parentId() {
        return Optional.ofNullable(parentId);
    }

    /** The current value of a metric (zero if never incremented). */
    public long metric(String name) {
        if (name == null) {
            throw new IllegalArgumentException("metric name must not be null");
        }
        int index = Metrics.standardIndex(name);
        if (index >= 0) {
            return standard[index].sum();
        }
        LongAdder a = custom.get(name);
        return a == null ? 0 : a.sum();
    }

    RunRecord snapshot(RunStatus status, Instant finishedAt, RunFailure outcome) {
        Map<String, Long> metrics = new TreeMap<>();
        for (int i = 0; i < standard.length; i++) {
            long v = standard[i].sum();
            if (v != 0) {
                metrics.put(Metrics.STANDARD.get(i), v);
            }
        }
        custom.forEach((k, v) -> metrics.put(k, v.sum()));
        List<Warning> ws;
        long dropped;
        synchronized (warnings) {
            ws = List.copyOf(warnings);
            dropped = warningsDropped;
        }
        return new RunRecord(id, parentId, spec, status, startedAt, finishedAt, metrics, ws, dropped,
                customDropped.sum(), outcome, io.batchtrack.internal.Host.id(), engine.staleLimit());
    }

    @Override
    public String toString() {
        return "BatchTracker[" + id + " " + spec + (skipped ? ", skipped" : ended.get() ? ", ended" : "") + "]";
    }
}
