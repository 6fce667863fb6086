package io.batchtrack.internal.store;

import io.batchtrack.RunConflictException;
import io.batchtrack.internal.Host;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.Losses;
import io.batchtrack.internal.store.SpoolEntry.Op;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.StoreUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link RunStore} behind an outage gate and a spool: the one way the engine talks to its store.
 * A start or an end goes to the store unless it is known to be down ({@link Outage}: then at once,
 * without waiting for a connection timeout again); a {@link StoreUnavailableException} marks the
 * outage, any answer ends it; a record the store could not take because it is unreachable is kept
 * in the {@link Spool} and handed over again, in order, by {@link #replay}.
 *
 * <p>Whether a record is spooled is the caller's choice ({@link #spool}): under fail-fast a run that
 * could not start is not spooled, because it does not run.
 */
public final class SpoolingStore {
    private static final String HOST = Host.id().substring(Host.id().indexOf('@') + 1);
    private static final java.time.Instant PROCESS_STARTED = processStarted();

    /** The pause between two tries of the last hand-over. */
    private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final RunStore store;
    private final Spool spool;
    private final Outage outage;
    private final ReadinessRefresh readiness;
    private final Duration exitTimeout;
    private final AtomicBoolean handedOver = new AtomicBoolean();
    private volatile long reportedLosses;

    /**
     * When this JVM started: from the operating system where it tells, else from the runtime MXBean. Not
     * {@code orElse(ManagementFactory...)}, which asked the MXBean every time: that loads java.management
     * and its platform providers (some 75 classes) in every engine's start.
     */
    private static java.time.Instant processStarted() {
        java.util.Optional<java.time.Instant> os = ProcessHandle.current().info().startInstant();
        return os.isPresent() ? os.get()
                : java.time.Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** @param exitTimeout how long the last hand-over ({@link #handOver}) may take ({@code spool.exit-timeout}) */
    public SpoolingStore(RunStore store, Spool spool, Outage outage, ReadinessRefresh readiness, Duration exitTimeout) {
        this.store = store;
        this.spool = spool;
        this.outage = outage;
        this.readiness = readiness;
        this.exitTimeout = exitTimeout;
    }

    /**
     * Records the start of a run.
     *
     * @throws StoreUnavailableException if the store is (known to be) unreachable; nothing is spooled
     * @throws RunConflictException if the run is exclusive and loses
     * @throws Exception whatever else the store throws
     */
    public void runStarted(RunRecord opening) throws Exception {
        hand(Op.START, opening);
    }

    /** Records the end of a run; throws as {@link #runStarted} does. */
    public void runFinished(RunRecord record) throws Exception {
        hand(Op.FINISH, record);
    }

    private void hand(Op op, RunRecord record) throws Exception {
        StoreUnavailableException down = outage.blocking();
        if (down != null && !(op == Op.START && record.spec().exclusive())) {
            throw down; // known down: no wait for a connection
        }
        // an exclusive start asks the database even while it is known down: started unchecked, it could run
        // its week twice; it costs at most one connection timeout while the database is really away
        try {
            if (op == Op.START) {
                store.runStarted(record);
            } else {
                store.runFinished(record);
            }
            outage.recovered();
        } catch (RunConflictException conflict) {
            outage.recovered(); // the store answered
            throw conflict;
        } catch (StoreUnavailableException e) {
            outage.failed(e);
            throw e;
        }
    }

    /** Whether the store failed as unreachable a moment ago (calls would only wait for a connection again). */
    public boolean knownDown() {
        return outage.blocking() != null;
    }

    /**
     * Reports this JVM's lost records to the store if their total grew since the last report; an
     * unreachable store marks the outage and is asked again later.
     */
    public void reportLosses() {
        long total = Losses.total();
        if (total == reportedLosses) {
            return;
        }
        try {
            store.reportLosses(HOST, ProcessHandle.current().pid(), PROCESS_STARTED, Losses.counts());
            reportedLosses = total;
        } catch (StoreUnavailableException e) {
            outage.failed(e);
        } catch (Throwable e) { // Errors too (a stale store jar): reached from the heartbeat and the close
            reportedLosses = total; // not again for these: a store without the table would fail every time
            Log.warnOnce("loss-report", "batchtrack could not report its lost records to the store; "
                    + Losses.summary(), e);
        }
    }

    /** A record was lost: the JVM's exit reports it, should no beat and no close come first. */
    public void lossOccurred() {
        ExitHook.register(this);
    }

    /** Whether lost records wait to be reported. */
    public boolean lossesUnreported() {
        return Losses.total() != reportedLosses;
    }

    /** A heartbeat of a running run; an unreachable store marks the outage. */
    public void runProgress(RunRecord run) throws Exception {
        try {
            store.runProgress(run);
        } catch (StoreUnavailableException e) {
            outage.failed(e);
            throw e;
        }
    }

    /** Asks the store to mark the runs of dead processes abandoned; an unreachable store marks the outage. */
    public int sweepAbandoned() throws Exception {
        try {
            return store.sweepAbandoned();
        } catch (StoreUnavailableException e) {
            outage.failed(e);
            throw e;
        }
    }

    /**
     * Keeps a record the store could not take because {@code cause}; logs (once per kind) whether it
     * was kept or lost.
     *
     * @return whether it was kept (false: spooling is off, the spool is full, or the disk failed)
     */
    public boolean spool(Op op, RunRecord record, StoreUnavailableException cause) {
        boolean kept = spool.append(op, record);
        if (kept) {
            ExitHook.register(this);
            Log.warnOnce("store-down-spooled", "batchtrack cannot reach its store (" + Log.describe(cause) + "); the "
                    + (op == Op.START ? "start" : "end") + " of run " + record.id() + " (" + record.spec() + ") is"
                    + " spooled in " + spool.directory() + " and will be written when the database answers; the batch"
                    + " goes on", null);
        } else if (!spool.enabled()) {
            Losses.lost("no-spool", "batchtrack cannot reach its store (" + Log.describe(cause) + "); the "
                    + (op == Op.START ? "start" : "end") + " of run " + record.id() + " (" + record.spec() + ") is"
                    + " lost (no spool: spool.dir=none, or the store names no destination); the batch goes on", null);
        } // else the spool counted and logged it (spool-full, spool-io)
        if (!kept) {
            lossOccurred();
        }
        return kept;
    }

    /**
     * Hands spooled records to the store, oldest first: this engine's own (if {@code own}), then those
     * that ended processes left (if {@code orphans}). A replayed start that now loses its exclusive
     * period is recorded without its exclusivity: it ran while the database was away, and a run is
     * never lost for it. A replayed end refreshes readiness as a direct one does.
     *
     * @return whether the store answered (or nothing needed it)
     */
    public boolean replay(boolean own, boolean orphans) {
        return replay(own, orphans, Spool.NO_DEADLINE);
    }

    private boolean replay(boolean own, boolean orphans, long deadline) {
        if (!spool.enabled() || (!orphans && !spool.hasPending())) {
            return true;
        }
        Spool.Replay r = spool.replay(entry -> {
            RunRecord record = entry.record();
            if (entry.op() == Op.START) {
                try {
                    store.runStarted(record);
                } catch (RunConflictException conflict) {
                    store.runStarted(record.withSpec(record.spec().withExclusive(false)));
                }
            } else {
                store.runFinished(record);
                readiness.after(record);
            }
        }, own, orphans, deadline);
        if (!r.complete() && handedOver.get()) {
            return false; // the last hand-over ran out of time: not an outage
        }
        if (!r.complete()) {
            outage.failed(new StoreUnavailableException("the store is still unreachable", null));
            Log.warnOnce("heartbeat-down", "batchtrack heartbeat cannot reach the store; spooled records wait in "
                    + spool.directory(), null);
        } else if (r.delivered() > 0) {
            outage.recovered();
        }
        return r.complete();
    }

    /**
     * What ended processes left in the spool, unless the store is known to be down. If there is any,
     * the JVM's exit hands over what this replay has not reached yet ({@link ExitHook}).
     */
    public void replayLeftovers() {
        if (outage.blocking() == null && spool.hasOrphans()) {
            ExitHook.register(this);
            replay(false, true);
        }
    }

    /**
     * The last hand-over, when the engine closes or the JVM exits (whichever comes first): this
     * engine's records and those that ended processes left go to the store, even if it was down at
     * the last try, for at most {@code spool.exit-timeout}; then the spool closes and logs exactly
     * what it leaves for the next start; this JVM's lost records are reported within the same bound.
     * A store call still waiting at the deadline is left to finish
     * on its own (daemon) thread; what it hands over is not handed over again.
     */
    public void handOver() {
        handOver(false);
    }

    /** @param exiting whether the JVM exits (from the shutdown hook) */
    void handOver(boolean exiting) {
        if (!handedOver.compareAndSet(false, true)) {
            return;
        }
        ExitHook.unregister(this);
        long deadline = System.nanoTime() + exitTimeout.toNanos();
        spool.stopReplaysBy(deadline);
        // a replay under way (the start's hand-over of ended processes' files) holds its files out of
        // hasOrphans: wait for it too, or closing the spool cuts it short between a start and its end
        boolean replays = spool.enabled() && (spool.replaying() || spool.hasPending() || spool.hasOrphans());
        if (!exitTimeout.isZero() && (replays || lossesUnreported())) {
            Thread last = new Thread(new Runnable() {
                @Override
                public void run() {
                    // a store that has just come back may fail the first call (a stale pooled connection): retry
                    while (replays && !replay(true, true, deadline)
                            && deadline - System.nanoTime() > RETRY_PAUSE_NANOS) {
                        try {
                            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(RETRY_PAUSE_NANOS));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    reportLosses(); // inside the bound too: a store that is down may wait for a connection
                }
            }, "batchtrack-spool-handover");
            last.setDaemon(true);
            last.start();
            try {
                last.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        spool.close(exiting);
    }

    /** Whether this engine's spool holds records not yet handed over. */
    public boolean hasPending() {
        return spool.hasPending();
    }

    public boolean spoolEnabled() {
        return spool.enabled();
    }

    /** The spool directory, or null if spooling is off. */
    public Path spoolDirectory() {
        return spool.directory();
    }

    /** The store itself, undecorated. */
    public RunStore store() {
        return store;
    }

    @Override
    public String toString() {
        return store + ", " + spool;
    }
}
