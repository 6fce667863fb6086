package io.batchtrack.internal.engine;

import io.batchtrack.spi.RunRecord;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The handle of a tracked call made inside a run of the same batch type and period (a recursive
 * {@code @TrackedBatch} method, an overload calling another, a block inside a run of its own week):
 * that call is part of the run around it, not a run of its own. No row is written and no exclusive
 * period is claimed again (which would collide with the outer run itself); increments and warnings go
 * into the outer run; ending, detaching, completing or failing the handle changes nothing, so the
 * outer run alone decides its status, while the call's exception still reaches its caller as is.
 * It is never made current: the outer run stays current on the thread throughout.
 */
final class JoinedRun extends ActiveRun {
    private final ActiveRun outer;
    private final AtomicBoolean ended = new AtomicBoolean();

    JoinedRun(ActiveRun outer) {
        super(outer.id(), outer.parentId().orElse(null), outer.runSpec(), outer.startedAt(), outer.limits(),
                outer.clock(), null);
        this.outer = outer;
    }

    @Override
    public void increment(String metric, long amount) {
        outer.increment(metric, amount);
    }

    @Override
    public void warn(String stage, String message) {
        outer.warn(stage, message);
    }

    @Override
    public void complete() {}

    @Override
    public void fail(Throwable exception) {
        if (exception == null) {
            throw new IllegalArgumentException("exception must not be null");
        }
    }

    @Override
    public void close() {
        ended.set(true);
    }

    @Override
    public void finish(Throwable thrown) {
        ended.set(true);
    }

    /** A joined call's future was cancelled: the outer run alone decides its end. */
    @Override
    public void cancelled() {
        ended.set(true);
    }

    @Override
    public void detach() {}

    @Override
    public boolean awaitRecorded(long timeout, TimeUnit unit) {
        return true; // nothing of its own to record
    }

    @Override
    public boolean isEnded() {
        return ended.get();
    }

    @Override
    public long lateUpdates() {
        return outer.lateUpdates();
    }

    @Override
    public long metric(String name) {
        return outer.metric(name);
    }

    @Override
    public RunRecord snapshot() {
        return outer.snapshot();
    }

    @Override
    public Object trackerOnThisThread() {
        return this; // its increments go to the outer run, which looks up its own cell
    }

    @Override
    public String toString() {
        return "BatchTracker[" + id() + " " + runSpec() + ", joined" + (ended.get() ? ", ended" : "") + "]";
    }
}
