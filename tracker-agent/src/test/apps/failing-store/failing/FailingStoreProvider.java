package failing;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.store.LogRunStore;
import io.batchtrack.spi.ReadinessRefresher;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.RunStoreProvider;
import java.util.ServiceConfigurationError;

/**
 * store=failing: a store (and readiness refresher) that throws at one call, {@code failing.call}
 * (start, heartbeat, end, readiness), the throwable {@code failing.kind} names, as a broken store or
 * class path would. Writes the finished runs it does take like the log store.
 */
public final class FailingStoreProvider implements RunStoreProvider {
    @Override
    public String name() {
        return "failing";
    }

    @Override
    public RunStore create(TrackerConfig config) {
        String call = config.get("failing.call", "start");
        String kind = config.get("failing.kind", "NoSuchMethodError");
        return new Store(call, kind);
    }

    static final class Store implements RunStore, ReadinessRefresher {
        private final String call;
        private final String kind;

        Store(String call, String kind) {
            this.call = call;
            this.kind = kind;
        }

        private void maybeFail(String at) {
            if (!at.equals(call)) {
                return;
            }
            System.setProperty("failing." + at + ".tried", "true");
            String message = "scripted " + kind + " at " + at;
            switch (kind) {
                case "RuntimeException": throw new IllegalStateException(message);
                case "NoSuchMethodError": throw new NoSuchMethodError(message);
                case "NoClassDefFoundError": throw new NoClassDefFoundError(message);
                case "ServiceConfigurationError": throw new ServiceConfigurationError(message);
                case "AssertionError": throw new AssertionError(message);
                case "StackOverflowError": throw new StackOverflowError(message);
                case "OutOfMemoryError": throw new OutOfMemoryError(message);
                default: throw new IllegalArgumentException("failing.kind " + kind);
            }
        }

        @Override
        public void runStarted(RunRecord run) {
            maybeFail("start");
        }

        @Override
        public void runProgress(RunRecord run) {
            maybeFail("heartbeat");
        }

        @Override
        public void runFinished(RunRecord run) {
            maybeFail("end");
            System.err.println(LogRunStore.line(run));
        }

        @Override
        public void refresh(RunRecord finishedRun) {
            maybeFail("readiness");
        }
    }
}
