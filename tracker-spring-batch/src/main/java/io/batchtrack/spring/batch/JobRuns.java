package io.batchtrack.spring.batch;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.RunSpec;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What the listener needs of batchtrack: open a run, count and warn into it, end it. Production's
 * is the engine's ({@link #of}); tests put in one that throws, to show that whatever the tracking
 * calls throw, the job's outcome is unchanged and its run is ended exactly once.
 */
interface JobRuns {

    /** The clock of the engine, from which the current NFL week is computed. */
    Clock clock();

    /** Opens a run and makes it current on the calling thread (the job's). */
    JobRun open(RunSpec spec);

    /** One job execution's run. */
    interface JobRun {
        void increment(String metric, long amount);

        void warn(String stage, String message);

        /** Ends the run: {@code failure} null records success (or partial, with warnings), else failed with it. */
        void end(Throwable failure);
    }

    /** Runs of the engine that {@code tracking} supplies when asked (each job start asks again). */
    static JobRuns of(Supplier<BatchTracking> tracking) {
        return new JobRuns() {
            @Override
            public Clock clock() {
                return tracking.get().clock();
            }

            @Override
            public JobRun open(RunSpec spec) {
                BatchTracker tracker = tracking.get().start(spec);
                return new JobRun() {
                    @Override
                    public void increment(String metric, long amount) {
                        tracker.increment(metric, amount);
                    }

                    @Override
                    public void warn(String stage, String message) {
                        tracker.warn(stage, message);
                    }

                    @Override
                    public void end(Throwable failure) {
                        tracker.finish(failure);
                    }

                    @Override
                    public String toString() {
                        return tracker.toString();
                    }
                };
            }
        };
    }
}
