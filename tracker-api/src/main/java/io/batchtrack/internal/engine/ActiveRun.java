package io.batchtrack.internal.engine;

import io.batchtrack.Metrics;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.Warning;
import io.batchtrack.config.EngineSettings;
import io.batchtrack.internal.Checks;
import io.batchtrack.internal.Failures;
import io.batchtrack.internal.Host;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.Losses;
import io.batchtrack.internal.Text;
import io.batchtrack.internal.context.RunOnThread;
import io.batchtrack.internal.context.RunScope;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.TextLimits;
import java.time.Clock;
import java.time.Duration;
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
 * One open run and all of its state: counters, warnings, the caps on both, the outcome the caller
 * declared, whether it has ended, and its scope on the thread that opened it. It is what
 * {@code Tracker.current()} returns inside a run, what the woven front doors hold between the two
 * halves of a call, and what {@code BatchTracker} wraps; {@link #snapshot()} turns it into the
 * {@link RunRecord} the store and the listeners see. Ending it hands it to its {@link Ending} (the
 * lifecycle), exactly once.
 *
 * <p>Safe to use from many threads: an increment is an add into the thread's own cell of
 * {@link StandardCounters} (standard metrics) or on a {@link LongAdder} (custom ones): no lock, no I/O,
 * a warning a short lock on the list. What arrives after the end is dropped, counted and logged once.
 *
 * <p>A tracked call made inside a run of its own batch type and period gets a {@link JoinedRun}
 * instead, the one subclass: a handle on the run around it that records nothing of its own.
 *
 * <p>Longer than most files on purpose: every piece of per-run state and the rules that guard it
 * (what arrives after the end, the caps) stay in one class that a reader checks at once; the
 * counters, the hot path's part, are already in {@link StandardCounters}.
 */
public sealed class ActiveRun implements Tracker, RunOnThread permits JoinedRun {

    /** What is told when a run ends: the lifecycle, which records it. */
    public interface Ending {
        /** @param outcome why the run failed, or null if its body returned normally; never throws on purpose */
        void ended(ActiveRun run, RunFailure outcome);
    }

    private static final RunFailure NOT_COMPLETED = new RunFailure("io.batchtrack.IncompleteRun",
            "closed without complete(): the block did not reach its end", null);

    private final UUID id;
    private final UUID parentId;
    /** Set once, on the opening thread, before the run is shared with the heartbeat or another thread. */
    private volatile String traceId;
    private final RunSpec spec;
    private final Instant startedAt;
    private final EngineSettings limits;
    private final Clock clock;
    private final Ending ending;
    private final StandardCounters standard = new StandardCounters(Metrics.STANDARD.size());
    private final ConcurrentHashMap<String, LongAdder> custom = new ConcurrentHashMap<>();
    private final List<Warning> warnings = new ArrayList<>(); // guarded by itself
    private long warningsDropped; // guarded by warnings
    private final LongAdder customDropped = new LongAdder();
    private final LongAdder lateUpdates = new LongAdder();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CountDownLatch recorded = new CountDownLatch(1);
    private volatile boolean completed;
    private volatile Throwable failure;
    private volatile boolean skipped;

    private volatile ClassLoader code; // the tracked code's class loader, for its readiness probe; or null

    // the scope on the thread that opened the run: only touched by that thread
    private final Thread owner;
    private RunScope scope;
    // when the run opened on the monotonic clock: its age for max-duration, whatever the wall clock does
    private final long openedNanos = System.nanoTime();

    ActiveRun(UUID id, UUID parentId, RunSpec spec, Instant startedAt, EngineSettings limits, Clock clock,
            Ending ending) {
        this.id = id;
        this.parentId = parentId;
        this.spec = spec;
        this.startedAt = startedAt;
        this.limits = limits;
        this.clock = clock;
        this.ending = ending;
        this.owner = Thread.currentThread();
    }

    @Override
    public void increment(String metric, long amount) {
        int index = Checks.metric(metric, amount);
        if (ended.get()) {
            late("increment of " + metric);
            return;
        }
        if (index >= 0) {
            standard.add(index, amount);
            return;
        }
        LongAdder adder = custom.get(metric);
        if (adder == null) {
            if (custom.size() >= limits.maxCustomMetrics()) {
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
        Warning w = new Warning(Text.clean(stage, TextLimits.STAGE), Text.clean(message, limits.maxMessageLength()),
                clock.instant());
        synchronized (warnings) {
            if (warnings.size() < limits.maxWarnings()) {
                warnings.add(w);
            } else {
                warningsDropped++;
            }
        }
    }

    private void late(String what) {
        lateUpdates.increment();
        Losses.lost("late-update", "run " + id + " (" + spec.batchType() + ") has already ended; the " + what
                + " made after its end is dropped", null);
    }

    /** The block reached its end: {@link #close()} records success or partial. */
    public void complete() {
        completed = true;
    }

    /** The block failed with {@code exception}: {@link #close()} records failed. */
    public void fail(Throwable exception) {
        if (exception == null) {
            throw new IllegalArgumentException("exception must not be null");
        }
        failure = exception;
    }

    /** Ends the run as the block declared: failed if {@link #fail} was called or {@link #complete} was not. */
    public void close() {
        Throwable f = failure;
        end(f, f == null && !completed);
    }

    /** Ends the run with the outcome the caller saw: {@code thrown} null means the body returned normally. */
    public void finish(Throwable thrown) {
        end(thrown, false);
    }

    /**
     * Detaches and marks the run ended first, and only then describes the failure: describing runs
     * the application's {@code getMessage()} and {@code toString()}, and whatever they do, the run
     * must not stay current on the thread nor {@code running} in the store.
     */
    private void end(Throwable thrown, boolean incomplete) {
        end(thrown, incomplete, null);
    }

    /** @param known the outcome when it is already described (a cancellation), else null */
    private void end(Throwable thrown, boolean incomplete, RunFailure known) {
        detach();
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            ending.ended(this, known != null ? known
                    : thrown != null ? Failures.of(thrown) : incomplete ? NOT_COMPLETED : null);
        } catch (Throwable e) { // whatever ending the run threw must not replace the body's outcome
            Faults.logged("end", "batchtrack failed to end run " + id + " (" + spec + ")", e);
        } finally {
            recorded.countDown();
        }
    }

    /** Makes the run current on this thread until it ends or is detached; called once, by the lifecycle. */
    void attach() {
        scope = RunScope.enter(this);
    }

    /** Makes the run no longer current on the thread that opened it, without ending it. */
    public void detach() {
        if (Thread.currentThread() == owner && scope != null) {
            RunScope s = scope;
            scope = null;
            s.close();
        }
    }

    /** An exclusive attempt that lost: ended without running anything; the lifecycle records it as skipped. */
    void markSkipped() {
        skipped = true;
        ended.set(true);
        recorded.countDown();
    }

    /** Waits until the end of this run has been handed to the store (or failed to be); for shutdown. */
    public boolean awaitRecorded(long timeout, TimeUnit unit) throws InterruptedException {
        return recorded.await(timeout, unit);
    }

    /** Whether this attempt was skipped because another run held its exclusive batch type and period. */
    public boolean isSkipped() {
        return skipped;
    }

    public boolean isEnded() {
        return ended.get();
    }

    @Override
    public Object trackerOnThisThread() {
        return new ThreadTracker(this, Thread.currentThread());
    }

    StandardCounters standardCounters() {
        return standard;
    }

    /** Increments and warnings that arrived after the run ended and were dropped. */
    public long lateUpdates() {
        return lateUpdates.sum();
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public String batchType() {
        return spec.batchType();
    }

    @Override
    public Optional<UUID> runId() {
        return Optional.of(id);
    }

    @Override
    public Optional<RunSpec> spec() {
        return Optional.of(spec);
    }

    public RunSpec runSpec() {
        return spec;
    }

    /** The tracked code's class loader, whose readiness probe refreshes this run's week; null if unknown. */
    ClassLoader codeLoader() {
        return code;
    }

    void codeLoader(ClassLoader loader) {
        this.code = loader;
    }

    Instant startedAt() {
        return startedAt;
    }

    EngineSettings limits() {
        return limits;
    }

    Clock clock() {
        return clock;
    }

    /** Whether a call of {@code spec} made while this run is current joins it: same batch type and period, still open. */
    boolean joinedBy(RunSpec spec) {
        return !isEnded() && this.spec.batchType().equals(spec.batchType()) && this.spec.period().equals(spec.period());
    }

    /** The id of the trace a listener named for this run at its opening; every snapshot keeps it. */
    void traceId(String id) {
        this.traceId = id;
    }

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
            return standard.sum(index);
        }
        LongAdder a = custom.get(name);
        return a == null ? 0 : a.sum();
    }

    /** The run as it stands: status {@code running}, its counters and warnings so far. */
    public RunRecord snapshot() {
        Map<String, Long> metrics = new TreeMap<>();
        for (int i = 0; i < Metrics.STANDARD.size(); i++) {
            long v = standard.sum(i);
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
        return RunRecord.started(id, parentId, spec, startedAt, Host.id(), limits.staleLimit())
                .withCounters(metrics, ws, dropped, customDropped.sum()).withTraceId(traceId);
    }

    /**
     * The future of this asynchronous run was cancelled (its caller gave up): the run ends failed with
     * {@code error_type = cancelled}, and an exclusive week is free again. The work it started may go on;
     * what it counts from now on is dropped as late.
     */
    public void cancelled() {
        end(null, false, CANCELLED);
    }

    /**
     * The publisher this asynchronous run returned was garbage collected without ever being
     * subscribed: the run ends failed with {@code error_type = never_subscribed}, since nothing it
     * stood for ever ran.
     */
    public void neverSubscribed() {
        end(null, false, NEVER_SUBSCRIBED);
    }

    /** How long this run has been open, on the monotonic clock. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - openedNanos);
    }

    /**
     * The run outlived its {@code max-duration} (called by the heartbeat): it ends failed with
     * {@code error_type = timed_out} through the same guarded end as any other, so an exclusive week
     * is free again. Nothing stops the work; what it counts from now on is dropped as late. No-op if
     * the run has ended already.
     *
     * @param key the key whose limit was passed, {@code max-duration} or {@code max-duration.types}
     */
    void timedOut(Duration limit, String key) {
        end(null, false, new RunFailure("timed_out", "still running after " + limit + " (" + key + "); work it"
                + " had started may still be running, and what that work counts from now on is dropped", null));
    }

    private static final RunFailure CANCELLED = new RunFailure("cancelled", "its future was cancelled; work it had"
            + " started may still be running, and what that work counts from now on is dropped", null);

    private static final RunFailure NEVER_SUBSCRIBED = new RunFailure("never_subscribed", "the publisher it"
            + " returned was garbage collected without being subscribed: the work it stood for never ran", null);

    @Override
    public String toString() {
        return "BatchTracker[" + id + " " + spec + (skipped ? ", skipped" : ended.get() ? ", ended" : "") + "]";
    }
}
