package io.batchtrack.spring.boot;

import io.batchtrack.TrackedBatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A Spring bean with a tracked method; counts its bodies so a test sees each ran exactly once. */
public class WeeklyUpdate {
    private final AtomicInteger bodies = new AtomicInteger();

    /** A method, not the field: a test holds the class-based proxy, whose own fields are never set. */
    public int bodies() {
        return bodies.get();
    }

    @TrackedBatch(type = "weekly_update", mode = "full")
    public String update() {
        bodies.incrementAndGet();
        return "done";
    }

    @TrackedBatch(type = "weekly_update", mode = "full")
    public void fail(RuntimeException e) {
        bodies.incrementAndGet();
        throw e;
    }

    /** Self-invocation: the proxy never sees the inner call (documented as untracked). */
    public String viaThis() {
        return update();
    }
}
