package io.batchtrack.internal.store;

import io.batchtrack.spi.StoreUnavailableException;
import java.time.Duration;

/**
 * What the engine knows about its store being unreachable. After a failure, calls that would wait
 * for a connection again (up to {@code jdbc.connection-timeout-ms} each) go straight to the spool
 * until {@code retryAfter} has passed; the heartbeat probes the store meanwhile. So an outage costs
 * a batch at most one connection timeout per interval, not one per run.
 */
public final class Outage {
    private final long retryAfterNanos;
    private volatile StoreUnavailableException last;
    private volatile long retryAt;

    public Outage(Duration retryAfter) {
        this.retryAfterNanos = retryAfter.toNanos();
    }

    /** The failure to report instead of trying, or null if the store should be tried. */
    public StoreUnavailableException blocking() {
        StoreUnavailableException e = last;
        return e != null && System.nanoTime() - retryAt < 0 ? e : null;
    }

    public void failed(StoreUnavailableException e) {
        retryAt = System.nanoTime() + retryAfterNanos;
        last = e;
    }

    public void recovered() {
        if (last != null) {
            last = null;
        }
    }

    /** Whether the last call to the store failed as unreachable. */
    public boolean isDown() {
        return last != null;
    }
}
