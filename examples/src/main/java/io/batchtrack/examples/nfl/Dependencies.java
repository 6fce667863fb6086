package io.batchtrack.examples.nfl;

import io.batchtrack.Metrics;
import io.batchtrack.Tracker;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every call the steps make to something outside the database goes through here: a call to an
 * external API counts in {@code api_calls_made} when it is made (a call that failed, or whose step
 * was later rolled back, was still made), and a dependency named by {@code --fail-step} goes down.
 */
final class Dependencies {
    private final Set<Step> down;

    Dependencies(Set<Step> down) {
        this.down = down.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(down);
    }

    /**
     * @param index how many calls this step made before this one
     * @throws SimulatedOutage when the step's dependency is down
     */
    <T> T call(Step step, int index, Supplier<T> call) {
        if (step.externalApi()) {
            Tracker.current().increment(Metrics.API_CALLS_MADE);
        }
        if (down.contains(step) && index >= step.callsBeforeOutage()) {
            throw step.outage();
        }
        return call.get();
    }
}
