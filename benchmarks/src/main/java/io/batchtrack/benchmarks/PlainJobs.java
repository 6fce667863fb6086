package io.batchtrack.benchmarks;

import io.batchtrack.Period;

/** The same method without the annotation: what a call costs with no tracking at all. */
public class PlainJobs {
    public int weeklyUpdate(Period period) {
        return period.week();
    }
}
