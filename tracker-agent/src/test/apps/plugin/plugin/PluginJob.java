package plugin;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;

/** Loaded by the loaders app through class loaders of its own; reached by reflection. */
public class PluginJob {

    @TrackedBatch(type = "plugin_job")
    public String run(@TrackedBatch.Mode String mode) {
        Tracker.current().increment("predictions_generated", 4);
        return Tracker.current().runId().map(Object::toString).orElse("none") + " api="
                + (Tracker.class.getClassLoader() == null ? "bootstrap" : "own");
    }
}
