package io.batchtrack.config;

/** What happens to the batch when its run cannot be recorded; key {@code on-store-failure}. */
public enum StoreFailurePolicy {
    /** Log the failure and let the batch run (the default). */
    CONTINUE,
    /** Throw a {@link io.batchtrack.TrackingException}: the batch does not start untracked. */
    FAIL;

    static StoreFailurePolicy parse(String value) {
        switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "continue": return CONTINUE;
            case "fail": return FAIL;
            default: throw new ConfigException("on-store-failure", "'" + value + "' is not one of continue, fail");
        }
    }
}
