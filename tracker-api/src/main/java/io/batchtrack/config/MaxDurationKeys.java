package io.batchtrack.config;

import io.batchtrack.internal.Names;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of the max-duration keys' values ({@code max-duration}, {@code max-duration.types}), read
 * by {@link EngineSettings#from}: the one group of engine keys whose values need more than a number or
 * a duration, kept apart so that EngineSettings stays a list of keys with their defaults.
 */
final class MaxDurationKeys {
    private MaxDurationKeys() {}

    /** {@code max-duration}: unset or {@code none} means no limit; else a positive duration. */
    static Duration limit(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("none")) {
            return null;
        }
        Duration d = TrackerConfig.parseDuration("max-duration", value);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException("max-duration", "'" + value + "' is not positive; a run's longest duration"
                    + " must be longer than zero (or none for no limit)");
        }
        return d;
    }

    /**
     * {@code max-duration.types}: {@code type=duration} pairs separated by commas, for example
     * {@code weekly_update=2h, roster_refresh=30m}; each type named by the batch-type rule, each
     * duration positive, no type twice.
     */
    static Map<String, Duration> typeLimits(String commaSeparated) {
        String key = "max-duration.types";
        Map<String, Duration> limits = new TreeMap<>();
        for (String pair : commaSeparated.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(key, "'" + pair.trim() + "' is not type=duration (for example"
                        + " weekly_update=2h)");
            }
            String type;
            try {
                type = Names.requireName("batch type", pair.substring(0, eq).trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, e.getMessage());
            }
            String value = pair.substring(eq + 1).trim();
            Duration d = TrackerConfig.parseDuration(key, value);
            if (d.isNegative() || d.isZero()) {
                throw new ConfigException(key, "'" + value + "' for " + type + " is not positive; a run's longest"
                        + " duration must be longer than zero");
            }
            if (limits.put(type, d) != null) {
                throw new ConfigException(key, "batch type " + type + " is given twice");
            }
        }
        return limits;
    }
}
