package io.batchtrack.internal.context;

/**
 * What the current-run thread-local holds: the run, and the tracker that {@code Tracker.current()}
 * hands out for it on this thread. The tracker is made on the first {@code Tracker.current()} of
 * the scope and kept with the binding, so the same tracker comes back after a nested run restores
 * this one, and code that never asks for it pays nothing. A binding belongs to one thread.
 */
final class Binding {
    final RunOnThread run;
    private Object tracker; // only read and written by the binding's thread

    Binding(RunOnThread run) {
        this.run = run;
    }

    Object tracker() {
        Object t = tracker;
        if (t == null) {
            t = run.trackerOnThisThread();
            tracker = t;
        }
        return t;
    }
}
