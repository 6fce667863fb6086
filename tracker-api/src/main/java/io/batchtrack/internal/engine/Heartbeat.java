package io.batchtrack.internal.engine;

import io.batchtrack.config.EngineSettings;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.store.SpoolingStore;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The heartbeat of one engine: the set of its open runs and, while it has any (or spooled records
 * wait), a beat every {@code heartbeat-interval} on the one heartbeat thread of the JVM
 * ({@link Pulse}). A beat ends, {@code timed_out}, each open run older than its
 * {@code max-duration} (timed on the monotonic clock, so up to one interval late), writes each
 * other open run's heartbeat and counters (unless the store is known to
 * be down) and asks the store to sweep runs whose process died; it tells the listeners of each open
 * run's progress whether or not the store answers; then it asks for a replay of the spool. Replays,
 * and the readiness refreshes after replayed ends, run on another thread ({@link HandOverThread}),
 * one at a time per engine: a large spool or a slow readiness probe never delays a beat, so a live
 * run is never taken for dead because of them. A beat never reads the engine's clock (the
 * database's clock times heartbeats).
 *
 * <p>Two monitors: {@code schedule} keeps starting and stopping the beat consistent with the set of
 * open runs; {@code beating} is held while the store is in use on the heartbeat thread, so that
 * {@link #close()} hands the spool over only after a beat in flight (a replay in flight stops by the
 * hand-over's deadline).
 */
final class Heartbeat {
    private final EngineSettings settings;
    private final SpoolingStore store;
    private final Listeners listeners;
    private final Pulse pulse;
    private final Set<ActiveRun> open = ConcurrentHashMap.newKeySet();
    private final Object schedule = new Object();
    private final Object beating = new Object();
    private final AtomicBoolean firstRun = new AtomicBoolean(true);
    private final AtomicBoolean replaying = new AtomicBoolean();
    private volatile boolean closed;

    Heartbeat(EngineSettings settings, SpoolingStore store, Listeners listeners) {
        this.settings = settings;
        this.store = store;
        this.listeners = listeners;
        this.pulse = new Pulse(settings.heartbeatInterval(), new Runnable() { // no lambda: see the api's start-up notes
            @Override
            public void run() {
                beat();
            }
        });
    }

    /**
     * The engine opens a run: the first time, records that ended processes left in the spool go to
     * the store as soon as the heartbeat thread is free.
     */
    void runOpening() {
        if (firstRun.compareAndSet(true, false) && store.spoolEnabled()) {
            replaySoon(true);
        }
    }

    void opened(ActiveRun run) {
        synchronized (schedule) {
            open.add(run);
            if (!closed) {
                pulse.start();
            }
        }
    }

    void ended(ActiveRun run) {
        synchronized (schedule) {
            open.remove(run);
        }
    }

    /** A record waits in the spool: keep beating (and so retrying) even if no run is open. */
    void keepBeating() {
        synchronized (schedule) {
            if (!closed) {
                pulse.start();
            }
        }
    }

    private void beat() {
        List<RunRecord> progress = new ArrayList<>();
        synchronized (beating) {
            if (closed) {
                return;
            }
            for (ActiveRun run : List.copyOf(open)) {
                if (!run.isEnded() && !endedTimedOut(run)) {
                    progress.add(run.snapshot());
                }
            }
            if (!store.knownDown()) {
                writeProgress(progress);
                store.reportLosses();
            }
        }
        for (RunRecord run : progress) {
            listeners.progress(run);
        }
        if (store.spoolEnabled()) {
            replaySoon(false);
        }
        synchronized (schedule) {
            if (closed || (open.isEmpty() && !store.hasPending() && !store.lossesUnreported())) {
                pulse.stop();
            }
        }
    }

    /**
     * Ends {@code run} timed out if it has been open longer than its {@code max-duration} (its type's
     * limit, else the global one). The end goes through the run's guarded end, which records it and
     * takes it out of the open set; a failure there is logged by that end and never stops the beat.
     */
    private boolean endedTimedOut(ActiveRun run) {
        try {
            Duration limit = settings.maxDurationOf(run.batchType());
            if (limit == null || run.age().compareTo(limit) <= 0) {
                return false;
            }
            String key = settings.maxDurationTypes().containsKey(run.batchType()) ? "max-duration.types " + run.batchType()
                    : "max-duration";
            run.timedOut(limit, key);
            return true;
        } catch (Throwable e) { // Errors too: the other open runs still get their heartbeat
            Faults.logged("max-duration", "batchtrack could not end run " + run.id() + " past its max-duration", e);
            return run.isEnded();
        }
    }

    private void writeProgress(List<RunRecord> progress) {
        for (RunRecord run : progress) {
            try {
                store.runProgress(run);
            } catch (StoreUnavailableException e) {
                Log.warnOnce("heartbeat-down", "batchtrack heartbeat cannot reach the store: " + Log.describe(e), null);
                return;
            } catch (Throwable e) { // Errors too: one run's failed heartbeat must not skip the others'
                Faults.logged("heartbeat-store", "batchtrack could not write the heartbeat of run " + run.id(), e);
            }
        }
        try {
            int swept = store.sweepAbandoned();
            if (swept > 0) {
                Log.info("batchtrack marked " + swept + " run(s) abandoned: no heartbeat within their stale limit");
            }
        } catch (StoreUnavailableException e) {
            // the outage is marked; the next beat tries again
        } catch (Throwable e) {
            Faults.logged("sweep", "batchtrack could not sweep abandoned runs", e);
        }
    }

    /**
     * Hands spooled records over on the hand-over thread, unless a replay of this engine is queued or
     * under way: {@code leftovers} only what ended processes left (an engine's first run), else this
     * engine's own records and those (a beat's, which also probes a store that is down).
     */
    private void replaySoon(boolean leftovers) {
        if (!replaying.compareAndSet(false, true)) {
            return;
        }
        try {
            HandOverThread.run(new Runnable() { // no lambda: see the api's start-up notes
                @Override
                public void run() {
                    try {
                        if (closed) {
                            return;
                        }
                        if (leftovers) {
                            store.replayLeftovers();
                        } else {
                            store.replay(true, true);
                        }
                    } catch (Throwable e) { // Errors too: the next beat asks again
                        Faults.logged("heartbeat-replay", "batchtrack could not hand spooled records over", e);
                    } finally {
                        replaying.set(false);
                    }
                }
            });
        } catch (Throwable e) { // no thread to be had (out of memory, a thread limit): the next beat tries again
            replaying.set(false);
            Faults.logged("heartbeat-replay", "batchtrack cannot start its spool hand-over thread; the batch goes on", e);
        }
    }

    /** Stops beating; a beat in flight finishes; hands this engine's spooled records over one last time. */
    void close() {
        synchronized (schedule) {
            closed = true;
            pulse.stop();
        }
        synchronized (beating) {
            store.handOver();
        }
    }
}
