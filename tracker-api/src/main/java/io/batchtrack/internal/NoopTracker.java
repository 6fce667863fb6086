package io.batchtrack.internal;

import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import java.util.Optional;
import java.util.UUID;

/**
 * The tracker outside a run: records nothing, but validates its input exactly like a live run,
 * so a bad metric name fails the same way in an untracked test as in production.
 */
public final class NoopTracker implements Tracker {
    public static final NoopTracker INSTANCE = new NoopTracker();

    private NoopTracker() {}

    @Override
    public void increment(String metric, long amount) {
        Checks.metric(metric, amount);
    }

    @Override
    public void warn(String stage, String message) {
        Checks.warning(stage, message);
    }

    @Override
    public Optional<UUID> runId() {
        return Optional.empty();
    }

    @Override
    public Optional<RunSpec> spec() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Tracker[no run]";
    }
}
