package bench;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;

/**
 * The jdbc store's own start, in a fresh JVM: building the engine, then two tracked no-op runs. The first
 * run pays for the store's start (driver, pool, first connection, schema check or migration); the second
 * is a run's steady cost. Configured from BATCHTRACK_* variables, with on-store-failure=fail so that a run
 * that is not recorded ends the JVM with an error instead of a number.
 */
public final class StoreStart {
    private StoreStart() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        BatchTracking.global();
        long t1 = System.nanoTime();
        BatchTracker.call(RunSpec.of("store_start", Period.regular(2025, 1)), () -> 1);
        long t2 = System.nanoTime();
        BatchTracker.call(RunSpec.of("store_start", Period.regular(2025, 2)), () -> 2);
        long t3 = System.nanoTime();
        System.out.println("engine_ms=" + ms(t1 - t0) + " first_run_ms=" + ms(t2 - t1) + " second_run_ms="
                + ms(t3 - t2));
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
