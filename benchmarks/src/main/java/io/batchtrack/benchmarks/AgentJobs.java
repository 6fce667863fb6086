package io.batchtrack.benchmarks;

import io.batchtrack.Period;
import io.batchtrack.TrackedBatch;
import io.batchtrack.Tracker;

/** Compiled by javac: woven only in a JVM started with the Java agent. */
public class AgentJobs {
    @TrackedBatch(type = "weekly_update")
    public int weeklyUpdate(Period period) {
        return period.week();
    }

    /** True when called inside a run, i.e. when the agent wove this class. */
    @TrackedBatch(type = "weekly_update")
    public boolean probe(Period period) {
        return Tracker.current().isActive();
    }
}
