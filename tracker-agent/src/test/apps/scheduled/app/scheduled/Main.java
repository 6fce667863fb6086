package app.scheduled;

import io.batchtrack.TrackedBatch;

/** Three woven batches that declare expected schedules (one an operator declared too, one that does not parse). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("roster.result=" + refreshRosters());
        System.out.println("weekly.result=" + updateWeekly());
        System.out.println("predictions.result=" + generatePredictions());
        System.out.println("done=true");
    }

    @TrackedBatch(type = "roster_refresh", schedule = "0 5 * * *", grace = "30m")
    static int refreshRosters() {
        return 1;
    }

    @TrackedBatch(type = "weekly_update", mode = "full", schedule = "0 9 * * 2", zone = "UTC", maxDuration = "1h")
    static int updateWeekly() {
        return 2;
    }

    @TrackedBatch(type = "prediction_generation", schedule = "0 12 * * 4 2026")
    static int generatePredictions() {
        return 3;
    }
}
