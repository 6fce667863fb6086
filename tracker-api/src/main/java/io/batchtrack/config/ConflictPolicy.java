package io.batchtrack.config;

import java.util.Locale;

/**
 * What an exclusive run does when another run of its batch type and period is running; key
 * {@code on-conflict}. Either way the attempt is recorded as a {@code skipped} run.
 */
public enum ConflictPolicy {
    /** Throw {@link io.batchtrack.RunConflictException} (the default). */
    FAIL,
    /**
     * Return without running the body, where no result has to be made up: a {@code void} woven
     * method, or {@code BatchTracking.run}. Methods with a result, {@code call} and {@code start}
     * still throw.
     */
    SKIP;

    static ConflictPolicy parse(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "fail": return FAIL;
            case "skip": return SKIP;
            default: throw new ConfigException("on-conflict", "'" + value + "' is not one of fail, skip");
        }
    }
}
