package io.batchtrack.benchmarks.woven;

import io.batchtrack.Period;
import io.batchtrack.TrackedBatch;
import io.batchtrack.Tracker;

/** Compiled by ajc with tracker-aspectj as aspect library: the compile-time woven front door. */
public class AjcJobs {
    @TrackedBatch(type = "weekly_update")
    public int weeklyUpdate(Period period) {
        return period.week();
    }

    /** True when called inside a run, i.e. when this class was woven. */
    @TrackedBatch(type = "weekly_update")
    public boolean probe(Period period) {
        return Tracker.current().isActive();
    }
}
