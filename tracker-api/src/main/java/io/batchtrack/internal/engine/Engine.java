package io.batchtrack.internal.engine;

import io.batchtrack.RunSpec;
import io.batchtrack.config.EngineSettings;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.store.Outage;
import io.batchtrack.internal.store.ReadinessRefresh;
import io.batchtrack.internal.store.Spool;
import io.batchtrack.internal.store.SpoolingStore;
import io.batchtrack.spi.DeclaredSchedule;
import io.batchtrack.spi.ReadinessRefresher;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunStore;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One engine, wired: its settings, the store behind its outage gate and spool
 * ({@link SpoolingStore}), the heartbeat, the listeners and the run lifecycle, each handed what it
 * uses, in that order (nothing calls back up). {@code BatchTracking} is its public face; the woven
 * front doors reach the global one through {@link GlobalEngine}.
 */
public final class Engine {
    private final EngineSettings settings;
    private final Clock clock;
    private final SpoolingStore store;
    private final Heartbeat heartbeat;
    private final Listeners listeners;
    private final RunLifecycle lifecycle;
    private final WeakReference<ClassLoader> code;

    /**
     * @param refresher null: the store, if it refreshes readiness itself
     * @param unusable why this engine starts no run (its configuration could not be used under
     *     fail-fast), or null
     */
    public Engine(EngineSettings settings, RunStore store, ReadinessRefresher refresher, Clock clock,
            List<RunListener> listeners, RuntimeException unusable) {
        this(settings, store, refresher, clock, listeners, unusable, null);
    }

    /**
     * @param code the class loader of the code that built this engine (a builder's caller), whose
     *     readiness probe its runs use unless a woven method names its own; null: the context class
     *     loader of the thread that opens each run. Held weakly: an engine never pins a web
     *     application's loader.
     */
    public Engine(EngineSettings settings, RunStore store, ReadinessRefresher refresher, Clock clock,
            List<RunListener> listeners, RuntimeException unusable, ClassLoader code) {
        this.code = code == null ? null : new WeakReference<>(code);
        this.settings = settings;
        this.clock = clock;
        ReadinessRefresh readiness = new ReadinessRefresh(refresher != null ? refresher
                : store instanceof ReadinessRefresher r ? r : ReadinessRefresher.NONE);
        this.store = new SpoolingStore(store, spoolOf(settings, store), new Outage(settings.heartbeatInterval()),
                readiness, settings.spoolExitTimeout());
        this.listeners = listeners.isEmpty() ? Listeners.NONE : new Listeners(listeners);
        this.heartbeat = new Heartbeat(settings, this.store, this.listeners);
        this.lifecycle = new RunLifecycle(settings, clock, this.store, readiness, heartbeat, this.listeners, unusable);
    }

    /** The spool of a store that names its destination, unless spooling is off; touches no file. */
    private static Spool spoolOf(EngineSettings settings, RunStore store) {
        Path directory = settings.spoolDirectory();
        Optional<String> destination = directory == null ? Optional.empty() : store.destination();
        return destination.isPresent() ? Spool.in(directory, destination.get(), settings.spoolMaxBytes()) : Spool.none();
    }

    /**
     * Opens a run and makes it current on this thread.
     *
     * @param skipOnConflict whether an exclusive run that loses returns a skipped run instead of throwing
     */
    public ActiveRun open(RunSpec spec, boolean skipOnConflict) {
        ClassLoader loader = code == null ? null : code.get();
        return lifecycle.open(spec, skipOnConflict,
                loader != null ? loader : Thread.currentThread().getContextClassLoader());
    }

    /**
     * Opens a run of code loaded by {@code code} (a woven method's declaring class loader), whose
     * readiness probe refreshes the run's week; null: as {@link #open(RunSpec, boolean)}.
     */
    public ActiveRun open(RunSpec spec, boolean skipOnConflict, ClassLoader code) {
        return code == null ? open(spec, skipOnConflict) : lifecycle.open(spec, skipOnConflict, code);
    }

    /**
     * Hands the expected schedule a {@code @TrackedBatch} method declares to the listeners (the one
     * of tracker-schedule registers it); if none keeps it, says so once. Never throws.
     */
    public void declareSchedule(DeclaredSchedule schedule) {
        if (!listeners.scheduleDeclared(schedule)) {
            Log.warnOnce("schedule:" + schedule.declaredBy(), "batchtrack does not register " + schedule.describe()
                    + ": expected schedules are kept by tracker-schedule over the jdbc store, and this engine (store "
                    + store.store() + ") has no listener that keeps them; its runs are tracked as usual", null);
        }
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The clock runs are timed with; also the clock the current NFL week is computed from. */
    public Clock clock() {
        return clock;
    }

    /** Whether the spool holds records not yet handed to the store. */
    public boolean spoolHasPending() {
        return store.hasPending();
    }

    /** The store runs are written to, as configured (without the spool). */
    public RunStore store() {
        return store.store();
    }

    /**
     * Stops the heartbeat, hands spooled records to the store one last time, for at most
     * {@code spool.exit-timeout} (what it cannot take stays in the spool for the next start, and is
     * logged), closes the listeners, then the store.
     */
    public void close() {
        heartbeat.close();
        listeners.close();
        store.store().close();
    }

    @Override
    public String toString() {
        return "BatchTracking[store=" + store.store() + ", " + settings + ", "
                + (store.spoolEnabled() ? "spool in " + store.spoolDirectory() : "no spool")
                + (listeners.isEmpty() ? "" : ", listeners=" + listeners) + "]";
    }
}
