package probe;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.store.LogRunStore;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.RunStoreProvider;
import java.util.Optional;

/**
 * store=probe: a stand-in for the jdbc store that reads the same keys (jdbc.url, the password) and
 * can be told to fail (probe.fail=start|finish). Writes finished runs like the log store.
 */
public final class ProbeStoreProvider implements RunStoreProvider {

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public RunStore create(TrackerConfig config) {
        Optional<String> password = config.password();
        String url = config.require("jdbc.url");
        final String fail = config.get("probe.fail", "never");
        System.out.println("track.probe=" + url + " password " + (password.isPresent() ? "given" : "absent"));
        return new RunStore() {
            @Override
            public void runStarted(RunRecord run) {
                if (fail.equals("start")) {
                    throw new IllegalStateException("probe store is down");
                }
            }

            @Override
            public void runFinished(RunRecord run) {
                if (fail.equals("finish")) {
                    throw new IllegalStateException("probe store is down");
                }
                System.err.println(LogRunStore.line(run));
            }
        };
    }
}
