package io.batchtrack.examples.nfl;

import io.batchtrack.BatchTypes;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import io.batchtrack.TrackedBatch;
import io.batchtrack.Tracker;
import io.batchtrack.Warning;
import io.batchtrack.examples.nfl.db.ConnectionSource;
import io.batchtrack.examples.nfl.feed.NflFeed;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The NFL data pipeline of the seed's {@code update_weekly.py}, as three batch entry points. They are
 * plain methods: run under {@code -javaagent:tracker-agent.jar}, each call becomes one row of
 * {@code batch_runs}; without the agent they run untracked and {@link Tracker#current()} records nothing.
 *
 * <p>Each step commits on its own, as the seed's steps do: when odds fail, the schedule and game logs
 * synced before them stay. Row counters ({@code games_processed}, {@code game_logs_added}, ...) are
 * incremented after a step commits, so a failed step never counts rows that were rolled back;
 * {@code api_calls_made} counts each call when it is made (see {@link Dependencies}).
 */
public class NflPipeline {
    /** Custom metric: players added by a roster refresh. */
    public static final String PLAYERS_ONBOARDED = "players_onboarded";
    /** Custom metric: predictions made without a betting line (home-field advantage only). */
    public static final String PREDICTIONS_WITHOUT_ODDS = "predictions_without_odds";

    private final ConnectionSource db;
    private final NflFeed feed;
    private final Dependencies deps;

    /** @param failSteps steps that fail with a {@link SimulatedOutage} instead of running */
    public NflPipeline(ConnectionSource db, NflFeed feed, Set<Step> failSteps) {
        this.db = db;
        this.feed = feed;
        this.deps = new Dependencies(failSteps);
    }

    /**
     * Schedule, game logs and odds of one week, as far as {@code mode} asks.
     *
     * @param mode {@code full}, {@code odds_only}, {@code ingest_only} or {@code schedule_only}
     * @throws IllegalArgumentException for an unknown mode or a week outside the season type's range
     */
    @TrackedBatch(type = BatchTypes.WEEKLY_UPDATE)
    public WeeklyUpdateResult weeklyUpdate(@TrackedBatch.Mode String mode, @TrackedBatch.SeasonYear int seasonYear,
            @TrackedBatch.Week int week, @TrackedBatch.Season SeasonType seasonType) throws SQLException {
        WeeklyMode m = WeeklyMode.fromCode(mode);
        Period period = Period.of(seasonYear, week, seasonType);
        Tracker tracker = Tracker.current();
        Warnings warnings = new Warnings(tracker);
        int games = 0;
        int logsAdded = 0;
        int oddsSynced = 0;
        List<String> skipped = List.of();
        List<String> withoutOdds = List.of();
        try (Connection c = open()) {
            if (m.syncsSchedule()) {
                ScheduleSync.Result r = step(c, () -> ScheduleSync.run(c, feed, deps, period));
                games = r.gamesProcessed();
                tracker.increment(Metrics.GAMES_PROCESSED, r.gamesProcessed());
                if (r.gamesProcessed() == 0) {
                    warnings.add("schedule", "No games in the schedule feed for " + period);
                }
            }
            if (m.ingestsGameLogs()) {
                GameLogIngest.Result r = step(c, () -> GameLogIngest.run(c, feed, deps, period));
                logsAdded = r.logsAdded();
                skipped = List.copyOf(r.skippedPlayers());
                tracker.increment(Metrics.GAME_LOGS_ADDED, r.logsAdded());
                if (!skipped.isEmpty()) {
                    warnings.add("game_logs", "Skipped " + skipped.size() + " players not in database");
                }
            }
            if (m.syncsOdds()) {
                OddsSync.Result r = step(c, () -> OddsSync.run(c, feed, deps, period));
                oddsSynced = r.synced();
                withoutOdds = r.gamesWithoutOdds();
                tracker.increment(Metrics.ODDS_SYNCED, r.synced());
                if (r.gamesInDatabase() == 0) {
                    warnings.add("odds", "No games in database for " + period + "; sync the schedule first");
                } else if (!withoutOdds.isEmpty()) {
                    warnings.add("odds", "No odds for " + withoutOdds.size() + " of " + r.gamesInDatabase()
                            + " games: " + String.join(", ", withoutOdds));
                }
            }
        }
        return new WeeklyUpdateResult(runId(tracker), period, m, games, logsAdded, skipped, oddsSynced, withoutOdds,
                warnings.list);
    }

    /** Predictions for the week's games that have none yet; existing ones are counted as skipped. */
    @TrackedBatch(type = BatchTypes.PREDICTION_GENERATION)
    public PredictionResult generatePredictions(@TrackedBatch.SeasonYear int seasonYear, @TrackedBatch.Week int week,
            @TrackedBatch.Season SeasonType seasonType) throws SQLException {
        Period period = Period.of(seasonYear, week, seasonType);
        Tracker tracker = Tracker.current();
        Warnings warnings = new Warnings(tracker);
        PredictionRun.Result r;
        try (Connection c = open()) {
            r = step(c, () -> PredictionRun.run(c, deps, period));
        }
        tracker.increment(Metrics.PREDICTIONS_GENERATED, r.generated());
        tracker.increment(Metrics.PREDICTIONS_SKIPPED, r.skipped());
        tracker.increment(PREDICTIONS_WITHOUT_ODDS, r.generatedWithoutOdds());
        if (r.games() == 0) {
            warnings.add("predictions", "No games in database for " + period + "; run the weekly update first");
        }
        return new PredictionResult(runId(tracker), period, r.generated(), r.skipped(), r.generatedWithoutOdds(),
                warnings.list);
    }

    /** Player onboarding from the roster transactions of the week. */
    @TrackedBatch(type = BatchTypes.ROSTER_REFRESH)
    public RosterResult refreshRosters(@TrackedBatch.SeasonYear int seasonYear, @TrackedBatch.Week int week,
            @TrackedBatch.Season SeasonType seasonType) throws SQLException {
        Period period = Period.of(seasonYear, week, seasonType);
        Tracker tracker = Tracker.current();
        RosterRefresh.Result r;
        try (Connection c = open()) {
            r = step(c, () -> RosterRefresh.run(c, feed, deps, period));
        }
        tracker.increment(PLAYERS_ONBOARDED, r.onboarded());
        return new RosterResult(runId(tracker), period, r.onboarded(), r.alreadyKnown());
    }

    private Connection open() throws SQLException {
        Connection c = db.open();
        try {
            c.setAutoCommit(false);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Runs one step in its own transaction; a failure rolls it back and counts in {@code errors_encountered}. */
    private <T> T step(Connection c, SqlWork<T> work) throws SQLException {
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            Tracker.current().increment(Metrics.ERRORS_ENCOUNTERED);
            throw e;
        }
    }

    private static UUID runId(Tracker tracker) {
        return tracker.runId().orElse(null);
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Each warning goes to the run and into the result that the command prints. */
    private static final class Warnings {
        private final Tracker tracker;
        private final List<Warning> list = new ArrayList<>();

        Warnings(Tracker tracker) {
            this.tracker = tracker;
        }

        void add(String stage, String message) {
            tracker.warn(stage, message);
            list.add(new Warning(stage, message, Instant.now()));
        }
    }
}
