package conflict;

import io.batchtrack.RunConflictException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.store.LogRunStore;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.RunStoreProvider;
import java.util.UUID;

/**
 * store=conflict: a stand-in for a database where another process always holds the period: every
 * exclusive run loses. Writes finished runs like the log store.
 */
public final class ConflictStoreProvider implements RunStoreProvider {
    static final UUID HOLDER = UUID.fromString("01900000-0000-7000-8000-00000000abcd");

    @Override
    public String name() {
        return "conflict";
    }

    @Override
    public RunStore create(TrackerConfig config) {
        return new RunStore() {
            @Override
            public void runStarted(RunRecord run) {
                if (run.spec().exclusive()) {
                    throw new RunConflictException(run.spec(), run.id(), HOLDER);
                }
            }

            @Override
            public void runFinished(RunRecord run) {
                System.err.println(LogRunStore.line(run));
            }
        };
    }
}
