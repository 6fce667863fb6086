package io.batchtrack;

/** The seed's batch types. Any other name matching {@code [a-z][a-z0-9_]{0,62}} is allowed too. */
public final class BatchTypes {
    /** Weekly data ingestion: schedule, game logs and odds. */
    public static final String WEEKLY_UPDATE = "weekly_update";
    /** The ML prediction batch. */
    public static final String PREDICTION_GENERATION = "prediction_generation";
    /** Player onboarding. */
    public static final String ROSTER_REFRESH = "roster_refresh";

    private BatchTypes() {}
}
