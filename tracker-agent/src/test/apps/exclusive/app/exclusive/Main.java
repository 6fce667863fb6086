package app.exclusive;

import io.batchtrack.TrackedBatch;

/** (Java 8 source: no Period, which is a record.) Exclusive woven methods that lose to a running run: what each returned or threw, and whether its body ran. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        try {
            weekly(2025, 9);
            System.out.println("weekly.returned=true");
        } catch (RuntimeException e) {
            System.out.println("weekly.threw=" + e.getClass().getName());
        }
        try {
            System.out.println("counted.result=" + counted(2025, 9));
        } catch (RuntimeException e) {
            System.out.println("counted.threw=" + e.getClass().getName());
        }
        System.out.println("free.result=" + free(2025, 9));
        System.out.println("done=true");
    }

    @TrackedBatch(type = "weekly_update", exclusive = true)
    static void weekly(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        System.out.println("weekly.body=ran");
    }

    @TrackedBatch(type = "prediction_generation", exclusive = true)
    static int counted(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        System.out.println("counted.body=ran");
        return 5;
    }

    @TrackedBatch(type = "roster_refresh")
    static int free(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        return 6;
    }
}
