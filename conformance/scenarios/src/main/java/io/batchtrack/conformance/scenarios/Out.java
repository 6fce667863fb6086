package io.batchtrack.conformance.scenarios;

import io.batchtrack.Tracker;

/**
 * The program's output: {@code key=value} lines. Plain keys are what the program observed and must be
 * the same for every front door; {@code track.} keys carry run ids, which differ from run to run.
 */
final class Out {
    private Out() {}

    static void p(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    /** The id of the run current inside job {@code batchType}, or {@code none}. */
    static void current(String batchType) {
        System.out.println("track." + batchType + ".run=" + id(Tracker.current()));
    }

    static String id(Tracker tracker) {
        return tracker.runId().map(Object::toString).orElse("none");
    }
}
