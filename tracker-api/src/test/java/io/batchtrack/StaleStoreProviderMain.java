package io.batchtrack;

/**
 * The program {@link GlobalEngineFailureTest} runs in a JVM of its own, whose class path carries a
 * stale {@code META-INF/services} entry for {@code RunStoreProvider}: three tracked calls through the
 * global engine, each printing what the caller got.
 */
public final class StaleStoreProviderMain {
    private StaleStoreProviderMain() {}

    public static void main(String[] args) {
        RunSpec spec = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, Period.regular(2025, 7), Trigger.MANUAL);
        for (int i = 1; i <= 3; i++) {
            int n = i;
            try {
                System.out.println("call " + n + " returned " + BatchTracker.call(spec, () -> n * 10));
            } catch (Throwable t) {
                System.out.println("call " + n + " threw " + t);
            }
        }
    }
}
