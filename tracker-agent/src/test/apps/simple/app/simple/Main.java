package app.simple;

import io.batchtrack.BatchTracker;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;

/** One woven call and one programmatic run; what each returned or threw. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        try {
            System.out.println("woven.result=" + job(2025, 9));
        } catch (RuntimeException e) {
            System.out.println("woven.threw=" + e.getClass().getName());
        }
        try {
            System.out.println("programmatic.result="
                    + BatchTracker.call(RunSpec.of("programmatic_job", Period.regular(2025, 9)), () -> 3));
        } catch (RuntimeException e) {
            System.out.println("programmatic.threw=" + e.getClass().getName());
        }
        System.out.println("done=true");
    }

    @TrackedBatch(type = "simple_job")
    static int job(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        System.out.println("track.inside=" + Tracker.current().runId().map(Object::toString).orElse("none"));
        Tracker.current().increment("games_processed", 2);
        return 2;
    }
}
