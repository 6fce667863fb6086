package io.batchtrack;

/** The seed's modes of a {@code weekly_update}. Custom modes are allowed too. */
public final class BatchModes {
    /** Schedule, game logs and odds. */
    public static final String FULL = "full";
    /** Odds only. */
    public static final String ODDS_ONLY = "odds_only";
    /** Schedule and game logs, no odds. */
    public static final String INGEST_ONLY = "ingest_only";
    /** Schedule only. */
    public static final String SCHEDULE_ONLY = "schedule_only";

    private BatchModes() {}
}
