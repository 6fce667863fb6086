package io.batchtrack.internal.store;

import io.batchtrack.RunConflictException;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.store.SpoolEntry.Op;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.StoreUnavailableException;
import java.nio.file.Path;

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
    private final RunStore store;
    private final Spool spool;
    private final Outage outage;
    private final ReadinessRefresh readiness;

    public SpoolingStore(RunStore store, Spool spool, Outage outage, ReadinessRefresh readiness) {
        this.store = store;
        this.spool = spool;
        this.outage = outage;
        this.readiness = readiness;
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
        Log.warnOnce(kept ? "store-down-spooled" : "store-down-lost", "batchtrack cannot reach its store ("
                + Log.describe(cause) + "); the " + (op == Op.START ? "start" : "end") + " of run "
                + record.id() + " (" + record.spec() + ") " + (kept ? "is spooled in " + spool.directory()
                + " and will be written when the database answers" : "is lost (no spool: spool.dir=none, or the store"
                + " names no destination)") + "; the batch goes on", null);
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

    /** What ended processes left in the spool, unless the store is known to be down. */
    public void replayLeftovers() {
        if (outage.blocking() == null) {
            replay(false, true);
        }
    }

    /** The last replay, at close: this engine's own records, unless the store is known to be down; then the spool closes. */
    public void closeSpool() {
        if (spool.hasPending() && outage.blocking() == null) {
            replay(true, false);
        }
        spool.close();
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
