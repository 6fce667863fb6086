package io.batchtrack;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.CurrentRun;
import io.batchtrack.internal.Ids;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.Stores;
import io.batchtrack.spi.ReadinessRefresher;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

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
 * <pre>{@code
 * BatchTracking tracking = BatchTracking.builder().store(store).build();
 * BatchTracking.setGlobal(tracking);          // what Tracker.current() and the agent use
 * }</pre>
 */
public final class BatchTracking implements AutoCloseable {
    public static final int DEFAULT_MAX_WARNINGS = 1_000;
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 2_000;
    public static final int DEFAULT_MAX_CUSTOM_METRICS = 100;

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

    private BatchTracking(Builder b, RuntimeException unusable) {
        this.store = b.store;
        this.refresher = b.refresher != null ? b.refresher
                : b.store instanceof ReadinessRefresher r ? r : ReadinessRefresher.NONE;
        this.policy = b.policy;
        this.clock = b.clock;
        this.trigger = b.trigger != null ? b.trigger : Trigger.detect();
        this.maxWarnings = b.maxWarnings;
        this.maxMessageLength = b.maxMessageLength;
        this.maxCustomMetrics = b.maxCustomMetrics;
        this.unusable = unusable;
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
     * {@code max-message-length}, {@code max-custom-metrics}. A configuration that cannot be used is
     * logged in one line naming the key; the engine then records nothing, or, under
     * {@code on-store-failure=fail}, throws that error from every {@link #start}.
     */
    public static BatchTracking fromConfig(TrackerConfig config) {
        return fromConfig(config, false);
    }

    private static BatchTracking fromConfig(TrackerConfig config, boolean global) {
        Builder b = builder();
        try {
            b.policy(config.storeFailurePolicy());
            config.requireReadableFile();
            b.trigger(config.get("trigger").map(BatchTracking::parseTrigger).orElseGet(BatchTracking::detectTrigger));
            b.maxWarnings(config.getInt("max-warnings", DEFAULT_MAX_WARNINGS, 0, 1_000_000));
            b.maxMessageLength(config.getInt("max-message-length", DEFAULT_MAX_MESSAGE_LENGTH, 80, 1_000_000));
            b.maxCustomMetrics(config.getInt("max-custom-metrics", DEFAULT_MAX_CUSTOM_METRICS, 0, 10_000));
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

    private static Trigger detectTrigger() {
        try {
            return Trigger.detect();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("trigger", e.getMessage());
        }
    }

    private static Trigger parseTrigger(String value) {
        try {
            return Trigger.of(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("trigger", e.getMessage());
        }
    }

    /**
     * Opens a run and makes it current on this thread. The run's parent is the run that was
     * current here before.
     *
     * @throws IllegalArgumentException if spec is null
     * @throws TrackingException under the fail-fast policy, when the run could not be recorded
     */
    public BatchTracker start(RunSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("run spec must not be null");
        }
        if (spec.trigger() == null) {
            spec = spec.withTrigger(trigger);
        }
        if (unusable != null) {
            throw new TrackingException("run of " + spec.batchType() + " not started: " + unusable.getMessage(),
                    unusable);
        }
        Instant now = now();
        BatchTracker parent = CurrentRun.get();
        BatchTracker run = new BatchTracker(this, Ids.newRunId(now.toEpochMilli()), parent == null ? null : parent.id(),
                spec, now);
        try {
            store.runStarted(run.snapshot(RunStatus.RUNNING, null, null));
        } catch (Exception e) {
            if (policy == StoreFailurePolicy.FAIL) {
                throw new TrackingException("run of " + spec.batchType() + " not started: its start could not be"
                        + " recorded (on-store-failure=fail): " + Log.describe(e), e);
            }
            Log.warnOnce("store-start", "batchtrack could not record the start of run " + run.id() + " ("
                    + spec + "); the batch goes on", e);
        }
        run.attach();
        return run;
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

    /** Like {@link #call}, for a body without a result. */
    public <E extends Throwable> void run(RunSpec spec, BatchTracker.VoidBody<E> body) throws E {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        call(spec, () -> {
            body.run();
            return null;
        });
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
        RunRecord provisional = run.snapshot(RunStatus.RUNNING, end, outcome);
        RunStatus status = outcome != null ? RunStatus.FAILED
                : provisional.warnings().isEmpty() && provisional.warningsDropped() == 0 ? RunStatus.SUCCESS
                : RunStatus.PARTIAL;
        RunRecord record = new RunRecord(provisional.id(), provisional.parentId(), provisional.spec(), status,
                provisional.startedAt(), end, provisional.metrics(), provisional.warnings(),
                provisional.warningsDropped(), outcome, provisional.host());
        try {
            store.runFinished(record);
        } catch (Exception e) {
            if (policy == StoreFailurePolicy.FAIL) {
                throw new TrackingException("the end of run " + run.id() + " (" + record.spec() + ", " + status
                        + ") could not be recorded (on-store-failure=fail): " + Log.describe(e), e);
            }
            Log.warnOnce("store-finish", "batchtrack could not record the end of run " + run.id() + " ("
                    + record.spec() + ", " + status + ")", e);
            return;
        }
        if (status.refreshesReadiness()) {
            try {
                refresher.refresh(record);
            } catch (Exception e) {
                Log.warnOnce("readiness", "readiness refresh for " + record.spec().period() + " after run "
                        + run.id() + " failed; the run stays " + status, e);
            }
        }
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

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return "BatchTracking[store=" + store + ", on-store-failure=" + policy.name().toLowerCase(java.util.Locale.ROOT)
                + "]";
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
