package io.batchtrack.internal.store;

import io.batchtrack.internal.Log;
import io.batchtrack.spi.ReadinessRefresher;
import io.batchtrack.spi.RunRecord;

/**
 * Refreshes readiness after a run's end reached the store, if its status calls for it
 * ({@link io.batchtrack.RunStatus#refreshesReadiness()}); a failure is logged and never changes the
 * run. Used after an end written at once and after one replayed from the spool.
 */
public final class ReadinessRefresh {
    private final ReadinessRefresher refresher;

    public ReadinessRefresh(ReadinessRefresher refresher) {
        this.refresher = refresher;
    }

    public void after(RunRecord record) {
        after(record, null);
    }

    /**
     * Refreshes readiness with {@code code} as the thread's context class loader meanwhile: the class
     * loader of the tracked code, which sees the application's {@code ReadinessProbe} service even
     * when the run ends on a pool or heartbeat thread (null: leave the thread's own).
     */
    public void after(RunRecord record, ClassLoader code) {
        if (!record.status().refreshesReadiness()) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        boolean swap = code != null && code != own;
        if (swap) {
            thread.setContextClassLoader(code);
        }
        try {
            refresh(record);
        } finally {
            if (swap) {
                thread.setContextClassLoader(own);
            }
        }
    }

    private void refresh(RunRecord record) {
        try {
            refresher.refresh(record);
        } catch (Throwable e) { // Errors too: a refresher's failure never reaches the batch
            try {
                Log.warnOnce("readiness", "readiness refresh for " + record.spec().period() + " after run "
                        + record.id() + " failed; the run stays " + record.status(), e);
            } catch (Throwable cannotLog) {
                // out of memory even for the line: the run is recorded, the batch goes on
            }
        }
    }
}
