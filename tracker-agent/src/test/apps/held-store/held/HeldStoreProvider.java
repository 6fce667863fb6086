package held;

import io.batchtrack.RunConflictException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.store.LogRunStore;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.RunStoreProvider;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * store=held: a stand-in for the database's unique index on running exclusive runs, in memory: an
 * exclusive start loses while another exclusive run of its batch type and period is running. Writes
 * finished runs like the log store.
 */
public final class HeldStoreProvider implements RunStoreProvider {
    @Override
    public String name() {
        return "held";
    }

    @Override
    public RunStore create(TrackerConfig config) {
        Map<String, UUID> running = new ConcurrentHashMap<>();
        return new RunStore() {
            @Override
            public void runStarted(RunRecord run) {
                if (run.spec().exclusive()) {
                    UUID holder = running.putIfAbsent(key(run), run.id());
                    if (holder != null) {
                        throw new RunConflictException(run.spec(), run.id(), holder);
                    }
                }
            }

            @Override
            public void runFinished(RunRecord run) {
                running.remove(key(run), run.id());
                System.err.println(LogRunStore.line(run));
            }
        };
    }

    private static String key(RunRecord run) {
        return run.spec().batchType() + "/" + run.spec().period();
    }
}
