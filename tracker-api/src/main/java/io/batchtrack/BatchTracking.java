package io.batchtrack;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.ConflictPolicy;
import io.batchtrack.config.EngineSettings;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.CurrentRun;
import io.batchtrack.internal.Ids;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.Outage;
import io.batchtrack.internal.Pulse;
import io.batchtrack.internal.Spool;
import io.batchtrack.internal.SpoolCodec;
import io.batchtrack.internal.Stores;
import io.batchtrack.spi.ReadinessRefresher;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.StoreUnavailableException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The run lifecycle: the one engine behind {@link BatchTracker}, the Java agent and the AspectJ
 * aspect. It opens runs, keeps them current per thread, decides their status by the seed's rules
 * (success without warnings, partial with warnings, failed on exception), writes them to a
 * {@link RunStore} and refreshes readiness after success or partial.
 *
 * <p>Tracking never changes the program: under the default policy a store failure is logged and
 * the batch goes on. Under {@link StoreFailurePolicy#FAIL} a run that cannot be recorded does not
 * start ({@link TrackingException}).
 *
 * <p>Reliability (see RELIABILITY.md): while runs are open, one shared daemon thread writes each
 * run's heartbeat and counters every {@code heartbeat-interval} and asks the store to mark runs of
 * dead processes abandoned. Records the store cannot take because its database is unreachable go
 * to a local spool ({@code spool.dir}) and are handed over again, in order, when it answers — by
 * the heartbeat, or by the next engine that starts with the same store. Exclusive runs
 * ({@link RunSpec#exclusive()}, {@code exclusive.types}) that lose to a running run are recorded as
 * {@code skipped} and throw {@link RunConflictException}, or under {@code on-conflict=skip} skip
 * their body where no result has to be made up.
 *
 * <pre>{@code
 * BatchTracking tracking = BatchTracking.builder().store(store).build();
 * BatchTracking.setGlobal(tracking);          // what Tracker.current() and the agent use
 * }</pre>
 */
public final class BatchTracking implements AutoCloseable {
    private static final int DEFAULT_MAX_WARNINGS = EngineSettings.DEFAULT_MAX_WARNINGS;
    private static final int DEFAULT_MAX_MESSAGE_LENGTH = EngineSettings.DEFAULT_MAX_MESSAGE_LENGTH;
    private static final int DEFAULT_MAX_CUSTOM_METRICS = EngineSettings.DEFAULT_MAX_CUSTOM_METRICS;
    private static final int DEFAULT_SPOOL_MAX_MB = EngineSettings.DEFAULT_SPOOL_MAX_MB;

    private static volatile BatchTracking global;
    private static TrackerConfig globalConfig;

    private final RunStore store;
    private final ReadinessRefresher refresher;
    private final StoreFailurePolicy policy;
    private final Clock clock;
    private final Trigger trigger;
    private final int maxWarnings;
    private final int maxMessageLength;
    private final int maxCustomMetrics;
    private final RuntimeException unusable;
    private final Duration heartbeatInterval;
    private final Duration staleLimit;
    private final Set<String> exclusiveTypes;
    private final ConflictPolicy onConflict;
    private final Spool spool;
    private final Outage outage;
    private final Set<BatchTracker> open = ConcurrentHashMap.newKeySet();
    private final Pulse pulse;
    private final Object lifecycle = new Object(); // serializes pulse start/stop with the set of open runs
    private final Object beating = new Object(); // held by a heartbeat; close() waits for it before closing the store
    private final AtomicBoolean firstRun = new AtomicBoolean(true);
    private volatile boolean closed;

    private BatchTracking(Builder b, RuntimeException unusable) {
        this.store = b.store;
        this.refresher = b.refresher != null ? b.refresher
                : b.store instanceof ReadinessRefresher r ? r : ReadinessRefresher.NONE;
        this.policy = b.policy;
        this.clock = b.clock;
        this.trigger = b.trigger != null ? b.trigger : EngineSettings.defaults().trigger();
        this.maxWarnings = b.maxWarnings;
        this.maxMessageLength = b.maxMessageLength;
        this.maxCustomMetrics = b.maxCustomMetrics;
        this.unusable = unusable;
        this.heartbeatInterval = b.heartbeatInterval;
        this.staleLimit = b.staleLimit != null ? b.staleLimit : b.heartbeatInterval.multipliedBy(3);
        if (staleLimit.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("stale limit " + staleLimit + " must be longer than the heartbeat"
                    + " interval " + heartbeatInterval + ", or live runs would be taken for dead");
        }
        this.exclusiveTypes = Set.copyOf(b.exclusiveTypes);
        this.onConflict = b.onConflict;
        this.spool = b.spoolDirectory == null ? Spool.none()
                : b.store.destination().map(d -> Spool.in(b.spoolDirectory, d, b.spoolMaxBytes)).orElse(Spool.none());
        this.outage = new Outage(heartbeatInterval);
        this.pulse = new Pulse(heartbeatInterval, this::beat);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The engine that {@link BatchTracker#start}, the agent and the aspect use: the one set with
     * {@link #setGlobal}, else one built from this process's configuration on first use.
     */
    public static BatchTracking global() {
        BatchTracking g = global;
        if (g == null) {
            synchronized (BatchTracking.class) {
                g = global;
                if (g == null) {
                    g = fromConfig(globalConfig != null ? globalConfig : TrackerConfig.fromEnvironment(), true);
                    global = g;
                }
            }
        }
        return g;
    }

    /**
     * Sets the configuration that {@link #global()} builds the engine from on first use, in place of
     * this process's environment, without building it now. The agent passes its arguments this way,
     * so that nothing (no store, no connection) starts before a tracked method runs, and programmatic
     * runs in the same process see the same configuration. No effect once the global engine exists.
     */
    public static synchronized void setGlobalConfig(TrackerConfig config) {
        globalConfig = Objects.requireNonNull(config, "config");
    }

    /** Replaces the global engine and returns the previous one (null if none was built yet). */
    public static synchronized BatchTracking setGlobal(BatchTracking tracking) {
        BatchTracking previous = global;
        global = Objects.requireNonNull(tracking, "tracking");
        return previous;
    }

    /**
     * Builds an engine from configuration: {@code store} ({@code jdbc} — the default —, {@code log}
     * or {@code none}), {@code on-store-failure}, {@code trigger}, {@code max-warnings},
     * {@code max-message-length}, {@code max-custom-metrics}, {@code heartbeat-interval},
     * {@code stale-limit}, {@code exclusive.types}, {@code on-conflict}, {@code spool.dir} and
     * {@code spool.max-mb}. A configuration that cannot be used is logged in one line naming the key;
     * the engine then records nothing, or, under {@code on-store-failure=fail}, throws that error from
     * every {@link #start}.
     */
    public static BatchTracking fromConfig(TrackerConfig config) {
        return fromConfig(config, false);
    }

    private static BatchTracking fromConfig(TrackerConfig config, boolean global) {
        Builder b = builder();
        try {
            b.policy(EngineSettings.onStoreFailure(config));
            EngineSettings s = EngineSettings.from(config);
            b.trigger(s.trigger()).maxWarnings(s.maxWarnings()).maxMessageLength(s.maxMessageLength())
                    .maxCustomMetrics(s.maxCustomMetrics()).heartbeatInterval(s.heartbeatInterval())
                    .staleLimit(s.staleLimit()).exclusiveTypes(s.exclusiveTypes()).onConflict(s.onConflict())
                    .spoolDirectory(s.spoolDirectory());
            b.spoolMaxBytes = s.spoolMaxBytes();
            b.store(Stores.create(config));
            return b.build();
        } catch (ConfigException e) {
            Log.warn(e.getMessage() + (b.policy == StoreFailurePolicy.FAIL
                    ? "; every tracked run will fail (on-store-failure=fail)" : "; batches run untracked"));
            return untracked(b, e);
        } catch (RuntimeException e) {
            Log.warn("batchtrack could not start its store (" + Log.describe(e) + ")"
                    + (global ? "; batches run untracked" : ""));
            return untracked(b, e);
        }
    }

    /** The engine of a configuration that cannot be used: records nothing, or under fail-fast starts nothing. */
    private static BatchTracking untracked(Builder b, RuntimeException problem) {
        b.store(RunStore.NONE);
        if (b.trigger == null) {
            b.trigger(Trigger.MANUAL); // the configuration failed before its trigger was known; no run records it
        }
        return new BatchTracking(b, b.policy == StoreFailurePolicy.FAIL ? problem : null);
    }

    /**
     * Opens a run and makes it current on this thread. The run's parent is the run that was
     * current here before.
     *
     * @throws IllegalArgumentException if spec is null
     * @throws RunConflictException if the run is exclusive and another run of its batch type and
     *     period is running (whatever {@code on-conflict} says: this form cannot skip a block it does
     *     not control; see {@link #startOrSkip})
     * @throws TrackingException under the fail-fast policy, when the run could not be recorded
     */
    public BatchTracker start(RunSpec spec) {
        return open(spec, false);
    }

    /**
     * Like {@link #start}, but under {@code on-conflict=skip} an exclusive run that loses returns an
     * ended tracker whose {@link BatchTracker#isSkipped()} is true instead of throwing; the caller
     * must then not run its body.
     *
     * <pre>{@code
     * try (BatchTracker run = tracking.startOrSkip(spec)) {
     *     if (run.isSkipped()) {
     *         return;
     *     }
     *     ...
     *     run.complete();
     * }
     * }</pre>
     */
    public BatchTracker startOrSkip(RunSpec spec) {
        return open(spec, onConflict == ConflictPolicy.SKIP);
    }

    private BatchTracker open(RunSpec spec, boolean skipOnConflict) {
        if (spec == null) {
            throw new IllegalArgumentException("run spec must not be null");
        }
        if (spec.trigger() == null) {
            spec = spec.withTrigger(trigger);
        }
        if (!spec.exclusive() && exclusiveTypes.contains(spec.batchType())) {
            spec = spec.withExclusive(true);
        }
        if (unusable != null) {
            throw new TrackingException("run of " + spec.batchType() + " not started: " + unusable.getMessage(),
                    unusable);
        }
        Instant now = now();
        BatchTracker parent = CurrentRun.get();
        BatchTracker run = new BatchTracker(this, Ids.newRunId(now.toEpochMilli()), parent == null ? null : parent.id(),
                spec, now);
        if (firstRun.compareAndSet(true, false) && spool.enabled()) {
            // records an ended process left in the spool go to the store as soon as this one starts
            Pulse.runSoon(this::replayLeftovers);
        }
        RunRecord opening = run.snapshot(RunStatus.RUNNING, null, null);
        StoreUnavailableException down = outage.blocking(); // known down: no wait for a connection
        try {
            if (down != null) {
                throw down;
            }
            store.runStarted(opening);
            outage.recovered();
        } catch (RunConflictException conflict) {
            outage.recovered();
            recordSkipped(run, conflict);
            if (skipOnConflict) {
                Log.info("batchtrack skipped " + spec + ": " + conflict.getMessage());
                return run;
            }
            throw conflict;
        } catch (StoreUnavailableException e) {
            if (e != down) {
                outage.failed(e);
            }
            if (policy == StoreFailurePolicy.FAIL) {
                throw new TrackingException("run of " + spec.batchType() + " not started: its database is unreachable"
                        + " and on-store-failure=fail (" + Log.describe(e) + ")", e);
            }
            spool(SpoolCodec.Op.START, opening, e);
            if (spec.exclusive()) {
                Log.warnOnce("exclusive-unguarded", "batchtrack cannot guard exclusive run " + run.id() + " (" + spec
                        + ") while its database is unreachable; the batch goes on (on-store-failure=continue)", null);
            }
        } catch (Exception e) {
            if (policy == StoreFailurePolicy.FAIL) {
                throw new TrackingException("run of " + spec.batchType() + " not started: its start could not be"
                        + " recorded (on-store-failure=fail): " + Log.describe(e), e);
            }
            Log.warnOnce("store-start", "batchtrack could not record the start of run " + run.id() + " ("
                    + spec + "); the batch goes on", e);
        }
        opened(run);
        run.attach();
        return run;
    }

    /** The losing attempt of an exclusive run: a finished row, status skipped, naming the run that held the period. */
    private void recordSkipped(BatchTracker run, RunConflictException conflict) {
        run.markSkipped();
        RunRecord provisional = run.snapshot(RunStatus.SKIPPED, null, null);
        RunRecord skipped = new RunRecord(provisional.id(), provisional.parentId(), provisional.spec(),
                RunStatus.SKIPPED, provisional.startedAt(), provisional.startedAt(), provisional.metrics(),
                provisional.warnings(), provisional.warningsDropped(), provisional.customMetricsDropped(),
                new RunFailure("conflict", conflict.getMessage(), null), provisional.host(), provisional.staleLimit());
        write(SpoolCodec.Op.FINISH, skipped);
    }

    /**
     * Runs {@code body} as one run: returns what it returns, rethrows what it throws (the same
     * instance), and records success, partial or failed.
     */
    public <T, E extends Throwable> T call(RunSpec spec, BatchTracker.Body<T, E> body) throws E {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        BatchTracker run = start(spec);
        T result;
        try {
            result = body.run();
        } catch (Throwable t) {
            finishAfterThrow(run, t);
            throw t;
        }
        run.finish(null);
        return result;
    }

    /**
     * Like {@link #call}, for a body without a result. An exclusive run that loses throws
     * {@link RunConflictException}, or under {@code on-conflict=skip} returns without running the
     * body (there is no result to make up).
     */
    public <E extends Throwable> void run(RunSpec spec, BatchTracker.VoidBody<E> body) throws E {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        BatchTracker run = startOrSkip(spec);
        if (run.isSkipped()) {
            return;
        }
        try {
            body.run();
        } catch (Throwable t) {
            finishAfterThrow(run, t);
            throw t;
        }
        run.finish(null);
    }

    /** Ends a run whose body threw; a failure to record it never replaces the body's exception. */
    static void finishAfterThrow(BatchTracker run, Throwable thrown) {
        try {
            run.finish(thrown);
        } catch (RuntimeException trackingFailure) {
            if (trackingFailure != thrown) {
                thrown.addSuppressed(trackingFailure);
            }
        }
    }

    void finished(BatchTracker run, RunFailure outcome) {
        Instant end = now();
        closedRun(run);
        RunRecord provisional = run.snapshot(RunStatus.RUNNING, end, outcome);
        RunStatus status = outcome != null ? RunStatus.FAILED
                : provisional.warnings().isEmpty() && provisional.warningsDropped() == 0 ? RunStatus.SUCCESS
                : RunStatus.PARTIAL;
        RunRecord record = new RunRecord(provisional.id(), provisional.parentId(), provisional.spec(), status,
                provisional.startedAt(), end, provisional.metrics(), provisional.warnings(),
                provisional.warningsDropped(), provisional.customMetricsDropped(), outcome, provisional.host(),
                provisional.staleLimit());
        Exception failure = write(SpoolCodec.Op.FINISH, record);
        if (failure != null) {
            if (policy == StoreFailurePolicy.FAIL) {
                throw new TrackingException("the end of run " + run.id() + " (" + record.spec() + ", " + status
                        + ") could not be recorded (on-store-failure=fail)"
                        + (failure instanceof StoreUnavailableException && spool.enabled()
                                ? "; it is spooled and will be written when the database answers" : "")
                        + ": " + Log.describe(failure), failure);
            }
            return;
        }
        refreshReadiness(record);
    }

    /**
     * Hands a finished record to the store; if its database is unreachable, to the spool. Returns
     * the failure (logged), or null when the store took it.
     */
    private Exception write(SpoolCodec.Op op, RunRecord record) {
        StoreUnavailableException down = outage.blocking(); // known down: no wait for a connection
        try {
            if (down != null) {
                throw down;
            }
            store.runFinished(record);
            outage.recovered();
            return null;
        } catch (StoreUnavailableException e) {
            if (e != down) {
                outage.failed(e);
            }
            spool(op, record, e);
            return e;
        } catch (Exception e) {
            Log.warnOnce("store-finish", "batchtrack could not record the end of run " + record.id() + " ("
                    + record.spec() + ", " + record.status() + ")", e);
            return e;
        }
    }

    private void refreshReadiness(RunRecord record) {
        if (record.status().refreshesReadiness()) {
            try {
                refresher.refresh(record);
            } catch (Exception e) {
                Log.warnOnce("readiness", "readiness refresh for " + record.spec().period() + " after run "
                        + record.id() + " failed; the run stays " + record.status(), e);
            }
        }
    }

    private void spool(SpoolCodec.Op op, RunRecord record, StoreUnavailableException cause) {
        boolean kept = spool.append(op, record);
        Log.warnOnce(kept ? "store-down-spooled" : "store-down-lost", "batchtrack cannot reach its store ("
                + Log.describe(cause) + "); the " + (op == SpoolCodec.Op.START ? "start" : "end") + " of run "
                + record.id() + " (" + record.spec() + ") " + (kept ? "is spooled in " + spool.directory()
                + " and will be written when the database answers" : "is lost (no spool: spool.dir=none, or the store"
                + " names no destination)") + "; the batch goes on", null);
        synchronized (lifecycle) {
            if (kept && !closed) {
                pulse.start(); // keeps retrying even if no run is open
            }
        }
    }

    private void opened(BatchTracker run) {
        synchronized (lifecycle) {
            open.add(run);
            if (!closed) {
                pulse.start();
            }
        }
    }

    private void closedRun(BatchTracker run) {
        synchronized (lifecycle) {
            open.remove(run);
        }
    }

    /**
     * One heartbeat, on the shared heartbeat thread: hand spooled records over, write each open
     * run's heartbeat and counters, and sweep runs whose process died. Never reads the engine's clock
     * (the database's clock times heartbeats). Stops beating once nothing is open and nothing waits.
     */
    private void beat() {
        synchronized (beating) {
            if (closed) {
                return;
            }
            if (replaySpool(true, true)) {
                beatOpenRuns();
            }
        }
        synchronized (lifecycle) {
            if (closed || (open.isEmpty() && !spool.hasPending())) {
                pulse.stop();
            }
        }
    }

    private void beatOpenRuns() {
        Collection<BatchTracker> runs = List.copyOf(open);
        for (BatchTracker run : runs) {
            if (run.isEnded()) {
                continue;
            }
            try {
                store.runProgress(run.snapshot(RunStatus.RUNNING, null, null));
            } catch (StoreUnavailableException e) {
                outage.failed(e);
                Log.warnOnce("heartbeat-down", "batchtrack heartbeat cannot reach the store: " + Log.describe(e), null);
                return;
            } catch (Exception e) {
                Log.warnOnce("heartbeat-store", "batchtrack could not write the heartbeat of run " + run.id(), e);
            }
        }
        try {
            int swept = store.sweepAbandoned();
            if (swept > 0) {
                Log.info("batchtrack marked " + swept + " run(s) abandoned: no heartbeat within their stale limit");
            }
        } catch (StoreUnavailableException e) {
            outage.failed(e);
        } catch (Exception e) {
            Log.warnOnce("sweep", "batchtrack could not sweep abandoned runs", e);
        }
    }

    /** What ended processes left in the spool, at this engine's first run; the heartbeat does the rest. */
    private void replayLeftovers() {
        synchronized (beating) {
            if (!closed && outage.blocking() == null) {
                replaySpool(false, true);
            }
        }
    }

    /** @return whether the store answered (or nothing needed it) */
    private boolean replaySpool(boolean own, boolean orphans) {
        if (!spool.enabled() || (!orphans && !spool.hasPending())) {
            return true;
        }
        Spool.Replay r = spool.replay(entry -> {
            RunRecord record = entry.record();
            if (entry.op() == SpoolCodec.Op.START) {
                try {
                    store.runStarted(record);
                } catch (RunConflictException conflict) {
                    // it ran while the database was away; record it, unguarded, rather than lose it
                    store.runStarted(record.withSpec(record.spec().withExclusive(false)));
                }
            } else {
                store.runFinished(record);
                refreshReadiness(record);
            }
        }, own, orphans);
        if (!r.complete()) {
            outage.failed(new StoreUnavailableException("the store is still unreachable", null));
            Log.warnOnce("heartbeat-down", "batchtrack heartbeat cannot reach the store; spooled records wait in "
                    + spool.directory(), null);
        } else if (r.delivered() > 0) {
            outage.recovered();
        }
        return r.complete();
    }

    Instant now() {
        return clock.instant();
    }

    int maxWarnings() {
        return maxWarnings;
    }

    int maxMessageLength() {
        return maxMessageLength;
    }

    int maxCustomMetrics() {
        return maxCustomMetrics;
    }

    Duration staleLimit() {
        return staleLimit;
    }

    /** How often an open run writes its heartbeat and counters. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** What an exclusive run that loses does. */
    public ConflictPolicy onConflict() {
        return onConflict;
    }

    /** The trigger that runs of this engine record unless their spec says otherwise. */
    public Trigger trigger() {
        return trigger;
    }

    /** The clock runs are timed with; also the clock the current NFL week is computed from. */
    public Clock clock() {
        return clock;
    }

    public StoreFailurePolicy policy() {
        return policy;
    }

    /** The store runs are written to. */
    public RunStore store() {
        return store;
    }

    /**
     * Stops the heartbeat, hands spooled records to the store one last time (what it cannot take
     * stays in the spool for the next start), and closes the store.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            pulse.stop();
        }
        synchronized (beating) { // a heartbeat in flight finishes before the store closes
            if (spool.hasPending() && outage.blocking() == null) {
                replaySpool(true, false);
            }
            spool.close();
        }
        store.close();
    }

    @Override
    public String toString() {
        return "BatchTracking[store=" + store + ", on-store-failure=" + policy.name().toLowerCase(Locale.ROOT)
                + ", heartbeat-interval=" + heartbeatInterval + ", " + spool + "]";
    }

    /** Settings of a {@link BatchTracking}; every field has a sensible default. */
    public static final class Builder {
        private RunStore store = RunStore.NONE;
        private ReadinessRefresher refresher;
        private StoreFailurePolicy policy = StoreFailurePolicy.CONTINUE;
        private Clock clock = Clock.systemUTC();
        private Trigger trigger; // null: Trigger.detect() when built
        private int maxWarnings = DEFAULT_MAX_WARNINGS;
        private int maxMessageLength = DEFAULT_MAX_MESSAGE_LENGTH;
        private int maxCustomMetrics = DEFAULT_MAX_CUSTOM_METRICS;
        private Duration heartbeatInterval = EngineSettings.DEFAULT_HEARTBEAT_INTERVAL;
        private Duration staleLimit; // null: three intervals
        private Set<String> exclusiveTypes = Set.of();
        private ConflictPolicy onConflict = ConflictPolicy.FAIL;
        private Path spoolDirectory = EngineSettings.defaultSpoolDirectory();
        private long spoolMaxBytes = DEFAULT_SPOOL_MAX_MB * 1024L * 1024L;

        private Builder() {}

        public Builder store(RunStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Overrides the refresher; by default the store refreshes readiness if it can. */
        public Builder readinessRefresher(ReadinessRefresher refresher) {
            this.refresher = Objects.requireNonNull(refresher, "refresher");
            return this;
        }

        public Builder policy(StoreFailurePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder trigger(Trigger trigger) {
            this.trigger = Objects.requireNonNull(trigger, "trigger");
            return this;
        }

        /** Warnings kept per run; later ones are counted in {@code warnings_dropped}. */
        public Builder maxWarnings(int max) {
            this.maxWarnings = requireNonNegative("max warnings", max);
            return this;
        }

        /** Longer warning messages are truncated and marked. */
        public Builder maxMessageLength(int max) {
            if (max < 80) {
                throw new IllegalArgumentException("max message length " + max + " is below 80");
            }
            this.maxMessageLength = max;
            return this;
        }

        /** Distinct custom metric names per run; increments of further names are dropped and logged. */
        public Builder maxCustomMetrics(int max) {
            this.maxCustomMetrics = requireNonNegative("max custom metrics", max);
            return this;
        }

        /** How often an open run writes its heartbeat and counters; default 30 s. */
        public Builder heartbeatInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.toMillis() < 100) {
                throw new IllegalArgumentException("heartbeat interval " + interval + " is below 100 ms");
            }
            this.heartbeatInterval = interval;
            return this;
        }

        /**
         * How long a run may go without a heartbeat before the store marks it abandoned; default three
         * heartbeat intervals, and it must be longer than one.
         */
        public Builder staleLimit(Duration limit) {
            this.staleLimit = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /** Batch types whose runs are exclusive even when their spec does not say so. */
        public Builder exclusiveTypes(Collection<String> batchTypes) {
            Set<String> types = new TreeSet<>();
            for (String t : batchTypes) {
                types.add(io.batchtrack.internal.Names.requireName("batch type", t));
            }
            this.exclusiveTypes = types;
            return this;
        }

        /** What an exclusive run that loses does; default {@link ConflictPolicy#FAIL}. */
        public Builder onConflict(ConflictPolicy policy) {
            this.onConflict = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Where records wait while the store's database is unreachable; default
         * {@link EngineSettings#defaultSpoolDirectory()}; null turns spooling off (such records are then lost).
         */
        public Builder spoolDirectory(Path directory) {
            this.spoolDirectory = directory;
            return this;
        }

        /** The spool's size limit; records beyond it are lost and logged. */
        public Builder spoolMaxMegabytes(int megabytes) {
            if (megabytes < 1) {
                throw new IllegalArgumentException("spool size " + megabytes + " MB is below 1 MB");
            }
            this.spoolMaxBytes = megabytes * 1024L * 1024L;
            return this;
        }

        /** @throws IllegalArgumentException if the stale limit is not longer than the heartbeat interval */
        public BatchTracking build() {
            return new BatchTracking(this, null);
        }

        private static int requireNonNegative(String what, int n) {
            if (n < 0) {
                throw new IllegalArgumentException(what + " " + n + " is negative");
            }
            return n;
        }
    }


}
