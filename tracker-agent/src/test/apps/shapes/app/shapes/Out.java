package app.shapes;

import io.batchtrack.Tracker;

/** key=value lines: plain keys for results, track.* keys for what the program saw of tracking. */
final class Out {
    private Out() {}

    static void p(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    static void t(String key, Object value) {
        System.out.println("track." + key + "=" + value);
    }

    /** The current run's id, or "none". */
    static String run() {
        return Tracker.current().runId().map(Object::toString).orElse("none");
    }
}
