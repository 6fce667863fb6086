package io.batchtrack.internal.engine;

import io.batchtrack.internal.Log;

/**
 * Where a failure of tracking code ends: in the log, never in the batch. Whatever the store, a
 * refresher, a listener or the engine itself threw ({@link Error}s included: a
 * {@code NoSuchMethodError} of a stale jar, a {@code StackOverflowError} in a store, an
 * {@code OutOfMemoryError}) is caught by the caller and handed here. Logging it must not throw in
 * turn: out of memory, even building the line may fail, and then the line is given up.
 */
public final class Faults {
    private Faults() {}

    /** Logs a failure of tracking code (once per {@code kind} at WARNING, then at DEBUG); never throws. */
    public static void logged(String kind, String message, Throwable failure) {
        try {
            Log.warnOnce(kind, message, failure);
        } catch (Throwable cannotLog) {
            // nothing left to tell it with (out of memory, a broken logging back end): the batch goes on
        }
    }
}
