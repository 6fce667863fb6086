package io.batchtrack.internal.store;

import io.batchtrack.internal.Log;
import io.batchtrack.internal.Losses;
import io.batchtrack.spi.StoreUnavailableException;
import java.nio.file.Path;

/**
 * One replay: hands the spooled lines it is given to the delivery, one at a time, and counts what
 * was delivered and what was dropped. A line that cannot be read, or whose record the store rejects,
 * is logged and dropped, so one bad record never blocks the rest; the store being unavailable, the
 * spool closing or a deadline passing stops the replay there.
 */
final class ReplayPass {
    private final Spool.Delivery delivery;
    private final ReplayStop stop;
    private final long deadline;
    private int delivered;
    private int rejected;

    ReplayPass(Spool.Delivery delivery, ReplayStop stop, long deadline) {
        this.delivery = delivery;
        this.stop = stop;
        this.deadline = deadline;
    }

    int delivered() {
        return delivered;
    }

    Spool.Replay result(boolean complete) {
        return new Spool.Replay(delivered, rejected, complete);
    }

    /** Whether this replay must hand over no further record. */
    boolean stopped() {
        return stop.reached(deadline);
    }

    /** @return false if the store is unavailable (stop); true if the line was delivered or dropped */
    boolean deliver(SpoolLines.Line line, Path file) {
        if (stopped()) {
            return false;
        }
        SpoolEntry entry;
        try {
            if (line.tooLong()) {
                throw new IllegalArgumentException("longer than " + Spool.MAX_LINE + " bytes");
            }
            entry = SpoolEntry.decode(line.text());
        } catch (RuntimeException e) {
            rejected++;
            Log.warn("batchtrack dropped an unreadable record of spool " + file + ": " + Log.describe(e));
            Losses.counted("spool-dropped");
            return true;
        }
        try {
            delivery.deliver(entry);
            delivered++;
            return true;
        } catch (StoreUnavailableException e) {
            return false;
        } catch (Exception e) {
            if (stopped()) {
                return false; // the store is closing under a last replay: keep the record for the next start
            }
            rejected++;
            Log.warn("batchtrack dropped the spooled " + entry.op().code() + " of run " + entry.record().id()
                    + ": the store rejected it (" + Log.describe(e) + ")");
            Losses.counted("spool-dropped");
            return true;
        }
    }
}
