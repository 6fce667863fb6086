package io.batchtrack;

import java.util.List;

/**
 * The seed's seven standard metrics; each is a column of {@code batch_runs}. Any other name
 * matching {@code [a-z][a-z0-9_]{0,62}} is a custom metric, kept in the {@code custom_metrics} column.
 */
public final class Metrics {
    public static final String API_CALLS_MADE = "api_calls_made";
    public static final String GAMES_PROCESSED = "games_processed";
    public static final String GAME_LOGS_ADDED = "game_logs_added";
    public static final String PREDICTIONS_GENERATED = "predictions_generated";
    public static final String PREDICTIONS_SKIPPED = "predictions_skipped";
    public static final String ODDS_SYNCED = "odds_synced";
    public static final String ERRORS_ENCOUNTERED = "errors_encountered";

    /** The standard metrics, in column order. */
    public static final List<String> STANDARD = List.of(API_CALLS_MADE, GAMES_PROCESSED, GAME_LOGS_ADDED,
            PREDICTIONS_GENERATED, PREDICTIONS_SKIPPED, ODDS_SYNCED, ERRORS_ENCOUNTERED);

    private Metrics() {}

    /** The position of a standard metric in {@link #STANDARD}, or -1 for any other name. No allocation. */
    public static int standardIndex(String name) {
        switch (name) {
            case API_CALLS_MADE: return 0;
            case GAMES_PROCESSED: return 1;
            case GAME_LOGS_ADDED: return 2;
            case PREDICTIONS_GENERATED: return 3;
            case PREDICTIONS_SKIPPED: return 4;
            case ODDS_SYNCED: return 5;
            case ERRORS_ENCOUNTERED: return 6;
            default: return -1;
        }
    }
}
