package io.batchtrack.agent.internal;

import io.batchtrack.BatchTracking;
import io.batchtrack.internal.Log;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds the global engine off the main thread as soon as the first tracked class is woven: the
 * store (for jdbc: the pool and the schema check) then starts while the application is still
 * starting, and a bad configuration is logged at startup rather than at the first tracked call.
 * {@link BatchTracking#global()} builds the engine once whoever comes first; a tracked call that
 * arrives earlier simply waits for it.
 */
final class GlobalEngine implements Runnable {
    private final AtomicBoolean started = new AtomicBoolean();

    /** Starts building the engine in the background, the first time only. */
    void warmUp() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(this, "batchtrack-warmup");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        try {
            BatchTracking.global();
        } catch (RuntimeException | LinkageError e) {
            // global() logs configuration problems itself; anything else must not vanish silently
            Log.warn("batchtrack could not start its engine: "
                    + Log.describe(e));
        }
    }
}
