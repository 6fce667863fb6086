package io.batchtrack;

import io.batchtrack.config.ConflictPolicy;
import io.batchtrack.config.EngineSettings;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.engine.Engine;
import io.batchtrack.internal.engine.EngineFactory;
import io.batchtrack.internal.engine.GlobalEngine;
import io.batchtrack.spi.ReadinessRefresher;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The run engine behind {@link BatchTracker}, the Java agent and the AspectJ aspect, as its users see
 * it: the global engine, a builder, and the calls that open runs. It opens runs, keeps them current
 * per thread, decides their status by the seed's rules (success without warnings, partial with
 * warnings, failed on exception), writes them to a {@link RunStore} and refreshes readiness after
 * success or partial; {@link RunListener}s are told of every run.
 *
 * <p>Tracking never changes the program: under the default policy a store failure is logged and
 * the batch goes on. Under {@link StoreFailurePolicy#FAIL} a run that cannot be recorded does not
 * start ({@link TrackingException}); once its body has run, its value or exception reaches the
 * caller unchanged and an end that cannot be recorded is logged at WARNING.
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
 *
 * <p>The engine itself lives in {@code io.batchtrack.internal.engine} (see its package
 * documentation); this class only hands calls to it. It is longer than most files because its
 * {@link Builder} is nested, as users already write {@code BatchTracking.Builder}; half of its lines
 * are the public javadoc of the builder's settings.
 */
public final class BatchTracking implements AutoCloseable {
    private static volatile BatchTracking globalFace; // the face of the global engine last handed out

    private final Engine engine;

    private BatchTracking(Engine engine) {
        this.engine = engine;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The engine that {@link BatchTracker#start}, the agent and the aspect use: the one set with
     * {@link #setGlobal}, else one built from this process's configuration on first use.
     */
    public static BatchTracking global() {
        Engine e = GlobalEngine.get();
        BatchTracking face = globalFace;
        if (face == null || face.engine != e) {
            face = new BatchTracking(e);
            globalFace = face;
        }
        return face;
    }

    /**
     * Sets the configuration that {@link #global()} builds the engine from on first use, in place of
     * this process's environment, without building it now. The agent passes its arguments this way,
     * so that nothing (no store, no connection) starts before a tracked method runs, and programmatic
     * runs in the same process see the same configuration. No effect once the global engine exists.
     */
    public static void setGlobalConfig(TrackerConfig config) {
        GlobalEngine.configure(config);
    }

    /** Replaces the global engine and returns the previous one (null if none was built yet). */
    public static synchronized BatchTracking setGlobal(BatchTracking tracking) {
        Objects.requireNonNull(tracking, "tracking");
        BatchTracking face = globalFace;
        Engine previous = GlobalEngine.set(tracking.engine);
        globalFace = tracking;
        return previous == null ? null : face != null && face.engine == previous ? face : new BatchTracking(previous);
    }

    /**
     * Builds an engine from configuration: {@code store} ({@code jdbc} — the default —, {@code log}
     * or {@code none}) and the engine's keys ({@link EngineSettings#from}), with the listeners that
     * every {@link io.batchtrack.spi.RunListenerProvider} on the class path makes. A configuration
     * that cannot be used is logged in one line naming the key; the engine then records nothing, or,
     * under {@code on-store-failure=fail}, throws that error from every {@link #start}.
     */
    public static BatchTracking fromConfig(TrackerConfig config) {
        return new BatchTracking(EngineFactory.fromConfig(config, false));
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
        return new BatchTracker(engine.open(spec, false));
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
        return new BatchTracker(engine.open(spec, onConflict() == ConflictPolicy.SKIP));
    }

    /**
     * Runs {@code body} as one run: returns what it returns, rethrows what it throws (the same
     * instance), and records success, partial or failed.
     */
    public <T, E extends Throwable> T call(RunSpec spec, BatchTracker.Body<T, E> body) throws E {
        return BatchTracker.callIn(engine, spec, body);
    }

    /**
     * Like {@link #call}, for a body without a result. An exclusive run that loses throws
     * {@link RunConflictException}, or under {@code on-conflict=skip} returns without running the
     * body (there is no result to make up).
     */
    public <E extends Throwable> void run(RunSpec spec, BatchTracker.VoidBody<E> body) throws E {
        BatchTracker.runIn(engine, spec, body);
    }

    /** The engine's settings (its configuration keys, or what the builder set). */
    public EngineSettings settings() {
        return engine.settings();
    }

    /** How often an open run writes its heartbeat and counters. */
    public Duration heartbeatInterval() {
        return engine.settings().heartbeatInterval();
    }

    /** What an exclusive run that loses does. */
    public ConflictPolicy onConflict() {
        return engine.settings().onConflict();
    }

    /** The trigger that runs of this engine record unless their spec says otherwise. */
    public Trigger trigger() {
        return engine.settings().trigger();
    }

    /** The clock runs are timed with; also the clock the current NFL week is computed from. */
    public Clock clock() {
        return engine.clock();
    }

    public StoreFailurePolicy policy() {
        return engine.settings().onStoreFailure();
    }

    /** The store runs are written to. */
    public RunStore store() {
        return engine.store();
    }

    /**
     * Whether records wait in this engine's spool for the store (it was unreachable when they were
     * made); false without a spool. What health checks report as the spool's backlog.
     */
    public boolean spoolHasPending() {
        return engine.spoolHasPending();
    }

    /**
     * Stops the heartbeat, hands spooled records to the store one last time (what it cannot take
     * stays in the spool for the next start), closes the listeners and the store.
     */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return engine.toString();
    }

    /** Settings of a {@link BatchTracking}; every field has a sensible default ({@link EngineSettings}). */
    public static final class Builder {
        private final EngineSettings.Builder settings = EngineSettings.builder();
        private RunStore store = RunStore.NONE;
        private ReadinessRefresher refresher;
        private Clock clock = Clock.systemUTC();
        private final List<RunListener> listeners = new ArrayList<>();

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

        /** Adds a listener, told of every run's start, heartbeats and end; closed with the engine. */
        public Builder listener(RunListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Builder policy(StoreFailurePolicy policy) {
            settings.policy(policy);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The trigger of runs whose spec names none; default: this process's {@code trigger} key, else
         * {@link Trigger#detect()}.
         */
        public Builder trigger(Trigger trigger) {
            settings.trigger(trigger);
            return this;
        }

        /** Warnings kept per run; later ones are counted in {@code warnings_dropped}. */
        public Builder maxWarnings(int max) {
            settings.maxWarnings(max);
            return this;
        }

        /** Longer warning messages are truncated and marked. */
        public Builder maxMessageLength(int max) {
            settings.maxMessageLength(max);
            return this;
        }

        /** Distinct custom metric names per run; increments of further names are dropped and logged. */
        public Builder maxCustomMetrics(int max) {
            settings.maxCustomMetrics(max);
            return this;
        }

        /** How often an open run writes its heartbeat and counters; default 30 s. */
        public Builder heartbeatInterval(Duration interval) {
            settings.heartbeatInterval(interval);
            return this;
        }

        /**
         * How long a run may go without a heartbeat before the store marks it abandoned; default three
         * heartbeat intervals, and it must be longer than one.
         */
        public Builder staleLimit(Duration limit) {
            settings.staleLimit(limit);
            return this;
        }

        /** Batch types whose runs are exclusive even when their spec does not say so. */
        public Builder exclusiveTypes(Collection<String> batchTypes) {
            settings.exclusiveTypes(batchTypes);
            return this;
        }

        /** What an exclusive run that loses does; default {@link ConflictPolicy#FAIL}. */
        public Builder onConflict(ConflictPolicy policy) {
            settings.onConflict(policy);
            return this;
        }

        /**
         * Where records wait while the store's database is unreachable; default
         * {@link EngineSettings#defaultSpoolDirectory()}; null turns spooling off (such records are then lost).
         */
        public Builder spoolDirectory(Path directory) {
            settings.spoolDirectory(directory);
            return this;
        }

        /** The spool directory's size limit (every process's files together); records beyond it are lost and logged. */
        public Builder spoolMaxMegabytes(int megabytes) {
            settings.spoolMaxMegabytes(megabytes);
            return this;
        }

        /** How long {@link BatchTracking#close()}, or the JVM's exit, may spend handing spooled records over. */
        public Builder spoolExitTimeout(Duration timeout) {
            settings.spoolExitTimeout(timeout);
            return this;
        }

        /** The longest any run may stay running; past it the heartbeat ends it failed, timed_out. Null: no limit. */
        public Builder maxDuration(Duration limit) {
            settings.maxDuration(limit);
            return this;
        }

        /** The longest runs of single batch types may stay running; these win over {@link #maxDuration}. */
        public Builder maxDurationTypes(java.util.Map<String, Duration> limits) {
            settings.maxDurationTypes(limits);
            return this;
        }

        /** @throws IllegalArgumentException if the stale limit is not longer than the heartbeat interval */
        public BatchTracking build() {
            // the builder's caller is the application: its context class loader sees its readiness probe
            return new BatchTracking(new Engine(settings.build(), store, refresher, clock, List.copyOf(listeners),
                    null, Thread.currentThread().getContextClassLoader()));
        }
    }
}
