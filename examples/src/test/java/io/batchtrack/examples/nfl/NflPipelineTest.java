package io.batchtrack.examples.nfl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.batchtrack.BatchTracking;
import io.batchtrack.BatchTypes;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.Trigger;
import io.batchtrack.Warning;
import io.batchtrack.examples.nfl.feed.BoxScoreLine;
import io.batchtrack.examples.nfl.feed.NflFeed;
import io.batchtrack.examples.nfl.feed.OddsLine;
import io.batchtrack.examples.nfl.feed.Player;
import io.batchtrack.examples.nfl.feed.SampleFeed;
import io.batchtrack.examples.nfl.feed.ScheduledGame;
import io.batchtrack.spi.RunRecord;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pipeline against a real PostgreSQL, each entry point run as one tracked run of the programmatic API. */
@ExtendWith(PostgresExtension.class)
class NflPipelineTest {
    static final Period WEEK_1 = Period.regular(2024, 1);
    static final Period WEEK_2 = Period.regular(2024, 2);
    static final String SKIPPED_PLAYERS = "Skipped 6 players not in database";
    static final String MISSING_ODDS = "No odds for 2 of 16 games: 2024_01_GB_PHI, 2024_01_NYJ_SF";

    TestDatabase db;
    RecordingStore store;
    BatchTracking tracking;

    @BeforeEach
    void freshDatabaseAndTracking(PostgresDatabase pg) throws SQLException {
        db = TestDatabase.withNflTables(pg);
        store = new RecordingStore();
        tracking = BatchTracking.builder().store(store).trigger(Trigger.MANUAL).build();
        BatchTracking.setGlobal(tracking);
    }

    NflPipeline pipeline(Step... failing) {
        return pipeline(new SampleFeed(), failing);
    }

    NflPipeline pipeline(NflFeed feed, Step... failing) {
        Set<Step> steps = failing.length == 0 ? EnumSet.noneOf(Step.class) : EnumSet.of(failing[0], failing);
        return new NflPipeline(db.source(), feed, steps);
    }

    WeeklyUpdateResult weekly(NflPipeline pipeline, WeeklyMode mode, Period p) throws SQLException {
        return weekly(pipeline, mode.code(), p);
    }

    WeeklyUpdateResult weekly(NflPipeline pipeline, String mode, Period p) throws SQLException {
        RunSpec spec = new RunSpec(BatchTypes.WEEKLY_UPDATE, mode, p, Trigger.MANUAL);
        return tracking.call(spec, () -> pipeline.weeklyUpdate(mode, p.seasonYear(), p.week(), p.seasonType()));
    }

    PredictionResult predictions(NflPipeline pipeline, Period p) throws SQLException {
        RunSpec spec = new RunSpec(BatchTypes.PREDICTION_GENERATION, null, p, Trigger.MANUAL);
        return tracking.call(spec, () -> pipeline.generatePredictions(p.seasonYear(), p.week(), p.seasonType()));
    }

    RosterResult rosterRefresh(NflPipeline pipeline, Period p) throws SQLException {
        RunSpec spec = new RunSpec(BatchTypes.ROSTER_REFRESH, null, p, Trigger.MANUAL);
        return tracking.call(spec, () -> pipeline.refreshRosters(p.seasonYear(), p.week(), p.seasonType()));
    }

    static List<List<String>> warnings(RunRecord run) {
        return run.warnings().stream().map(w -> List.of(w.stage(), w.message())).toList();
    }

    static List<List<String>> warnings(List<Warning> ws) {
        return ws.stream().map(w -> List.of(w.stage(), w.message())).toList();
    }

    @Nested
    class WeeklyUpdate {

        @Test
        void fullModeLoadsTheWeekAndEndsPartialWithTheSeedsSkippedPlayersWarning() throws SQLException {
            WeeklyUpdateResult result = weekly(pipeline(), WeeklyMode.FULL, WEEK_1);

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
            assertThat(run.id()).isEqualTo(result.runId());
            assertThat(run.metric(Metrics.GAMES_PROCESSED)).isEqualTo(16);
            assertThat(run.metric(Metrics.GAME_LOGS_ADDED)).isEqualTo(64);
            assertThat(run.metric(Metrics.ODDS_SYNCED)).isEqualTo(14);
            assertThat(run.metric(Metrics.API_CALLS_MADE)).as("1 schedule + 16 box scores + 16 odds")
                    .isEqualTo(33);
            assertThat(run.metric(Metrics.ERRORS_ENCOUNTERED)).isZero();
            assertThat(warnings(run)).containsExactly(List.of("game_logs", SKIPPED_PLAYERS),
                    List.of("odds", MISSING_ODDS));
            assertThat(warnings(result.warnings())).isEqualTo(warnings(run));
            assertThat(result.skippedPlayers()).containsExactly("brian-thomas-jr", "brock-bowers", "malik-nabers",
                    "marvin-harrison-jr", "rome-odunze", "xavier-worthy");

            assertThat(db.count("games")).isEqualTo(16);
            assertThat(db.count("game_logs")).isEqualTo(64);
            assertThat(db.count("odds")).isEqualTo(14);
            assertThat(db.count("predictions")).isZero();
            assertThat(db.queryLong("SELECT home_score * 100 + away_score FROM nfl.games WHERE game_id = ?",
                    "2024_01_BAL_KC")).as("KC 27, BAL 20").isEqualTo(2720);
            assertThat(db.queryLong("SELECT count(*) FROM nfl.game_logs WHERE player_id = ?", "xavier-worthy"))
                    .isZero();
        }

        @Test
        void scheduleOnlySyncsTheGamesAloneAndSucceeds() throws SQLException {
            weekly(pipeline(), WeeklyMode.SCHEDULE_ONLY, WEEK_1);

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(run.metrics()).containsEntry(Metrics.GAMES_PROCESSED, 16L)
                    .containsEntry(Metrics.API_CALLS_MADE, 1L)
                    .doesNotContainKeys(Metrics.GAME_LOGS_ADDED, Metrics.ODDS_SYNCED);
            assertThat(db.count("games")).isEqualTo(16);
            assertThat(db.count("game_logs")).isZero();
            assertThat(db.count("odds")).isZero();
        }

        @Test
        void rerunningFullModeAddsNoDuplicateGameLogsAndResyncsTheOdds() throws SQLException {
            NflPipeline pipeline = pipeline();
            weekly(pipeline, WeeklyMode.FULL, WEEK_1);

            weekly(pipeline, WeeklyMode.FULL, WEEK_1);

            RunRecord second = store.last();
            assertThat(second.metric(Metrics.GAMES_PROCESSED)).isEqualTo(16);
            assertThat(second.metric(Metrics.GAME_LOGS_ADDED)).isZero();
            assertThat(second.metric(Metrics.ODDS_SYNCED)).isEqualTo(14);
            assertThat(warnings(second)).containsExactly(List.of("game_logs", SKIPPED_PLAYERS),
                    List.of("odds", MISSING_ODDS));
            assertThat(db.count("games")).isEqualTo(16);
            assertThat(db.count("game_logs")).isEqualTo(64);
        }

        @Test
        void ingestOnlyAfterARosterRefreshAddsTheSkippedPlayersLogsAndSucceeds() throws SQLException {
            NflPipeline pipeline = pipeline();
            weekly(pipeline, WeeklyMode.FULL, WEEK_1);
            rosterRefresh(pipeline, WEEK_1);

            weekly(pipeline, WeeklyMode.INGEST_ONLY, WEEK_1);

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(run.warnings()).isEmpty();
            assertThat(run.metric(Metrics.GAME_LOGS_ADDED)).isEqualTo(6);
            assertThat(run.metric(Metrics.API_CALLS_MADE)).as("1 schedule + 16 box scores").isEqualTo(17);
            assertThat(run.metrics()).doesNotContainKey(Metrics.ODDS_SYNCED);
            assertThat(db.count("game_logs")).isEqualTo(70);
            assertThat(db.queryLong("SELECT touchdowns FROM nfl.game_logs WHERE player_id = ?", "xavier-worthy"))
                    .isEqualTo(2);
        }

        @Test
        void oddsOnlyEndsPartialWhenTheFeedHasNoLineForSomeGames() throws SQLException {
            NflPipeline pipeline = pipeline();
            weekly(pipeline, WeeklyMode.SCHEDULE_ONLY, WEEK_1);

            WeeklyUpdateResult result = weekly(pipeline, WeeklyMode.ODDS_ONLY, WEEK_1);

            RunRecord run = store.last();
            assertThat(run.spec().mode()).isEqualTo("odds_only");
            assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
            assertThat(warnings(run)).containsExactly(List.of("odds", MISSING_ODDS));
            assertThat(run.metrics()).containsEntry(Metrics.ODDS_SYNCED, 14L)
                    .containsEntry(Metrics.API_CALLS_MADE, 16L)
                    .doesNotContainKeys(Metrics.GAMES_PROCESSED, Metrics.GAME_LOGS_ADDED);
            assertThat(result.gamesWithoutOdds()).containsExactly("2024_01_GB_PHI", "2024_01_NYJ_SF");
            assertThat(db.count("odds")).isEqualTo(14);
            assertThat(db.count("game_logs")).isZero();
        }

        @Test
        void oddsOnlyBeforeAnyScheduleSyncWarnsAndWritesNothing() throws SQLException {
            weekly(pipeline(), WeeklyMode.ODDS_ONLY, WEEK_1);

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
            assertThat(warnings(run)).containsExactly(
                    List.of("odds", "No games in database for 2024/reg/1; sync the schedule first"));
            assertThat(run.metric(Metrics.ODDS_SYNCED)).isZero();
            assertThat(db.count("odds")).isZero();
        }

        @Test
        void fullModeSucceedsWhenEveryPlayerIsKnownAndEveryGameHasALine() throws SQLException {
            NflPipeline pipeline = pipeline(new CompleteOddsFeed());
            rosterRefresh(pipeline, WEEK_1);

            weekly(pipeline, WeeklyMode.FULL, WEEK_1);

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(run.warnings()).isEmpty();
            assertThat(run.metric(Metrics.GAME_LOGS_ADDED)).isEqualTo(70);
            assertThat(run.metric(Metrics.ODDS_SYNCED)).isEqualTo(16);
        }

        @Test
        void aWeekWithoutDataEndsPartialAndSaysSo() throws SQLException {
            weekly(pipeline(), WeeklyMode.FULL, WEEK_2);

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
            assertThat(run.spec().period()).isEqualTo(WEEK_2);
            assertThat(warnings(run)).containsExactly(
                    List.of("schedule", "No games in the schedule feed for 2024/reg/2"),
                    List.of("odds", "No games in database for 2024/reg/2; sync the schedule first"));
            assertThat(db.count("games")).isZero();
        }

        @Test
        void anUnknownModeFailsTheRunBeforeTouchingTheDatabase() {
            assertThatThrownBy(() -> weekly(pipeline(), "everything", WEEK_1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("mode 'everything' is not one of");

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.failure().type()).isEqualTo(IllegalArgumentException.class.getName());
        }
    }

    @Nested
    class FailStep {

        @Test
        void anOddsOutageMidwayFailsTheRunRollsBackItsOddsAndKeepsTheStepsBefore() throws SQLException {
            assertThatThrownBy(() -> weekly(pipeline(Step.ODDS), WeeklyMode.FULL, WEEK_1))
                    .isInstanceOf(SimulatedOutage.class)
                    .hasMessage("odds API unavailable: HTTP 503 Service Unavailable (simulated by --fail-step odds)");

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.failure().type()).isEqualTo(SimulatedOutage.class.getName());
            assertThat(run.failure().message()).contains("odds API unavailable");
            assertThat(run.metric(Metrics.ERRORS_ENCOUNTERED)).isEqualTo(1);
            assertThat(run.metric(Metrics.GAMES_PROCESSED)).isEqualTo(16);
            assertThat(run.metric(Metrics.GAME_LOGS_ADDED)).isEqualTo(64);
            assertThat(run.metric(Metrics.ODDS_SYNCED)).as("8 lines written, then rolled back").isZero();
            assertThat(run.metric(Metrics.API_CALLS_MADE)).as("1 schedule + 16 box scores + 8 odds + the failed one")
                    .isEqualTo(26);
            assertThat(warnings(run)).containsExactly(List.of("game_logs", SKIPPED_PLAYERS));
            assertThat(db.count("games")).isEqualTo(16);
            assertThat(db.count("game_logs")).isEqualTo(64);
            assertThat(db.count("odds")).isZero();
        }

        @Test
        void aFailingScheduleStepFailsTheRunBeforeWritingAnything() {
            assertThatThrownBy(() -> weekly(pipeline(Step.SCHEDULE), WeeklyMode.FULL, WEEK_1))
                    .isInstanceOf(SimulatedOutage.class)
                    .hasMessageStartingWith("schedule API unavailable");

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.metrics()).containsOnly(entry(Metrics.API_CALLS_MADE, 1L),
                    entry(Metrics.ERRORS_ENCOUNTERED, 1L));
        }

        @Test
        void aBoxScoreOutageMidwayRollsBackTheGameLogsOfTheStep() throws SQLException {
            assertThatThrownBy(() -> weekly(pipeline(Step.GAME_LOGS), WeeklyMode.INGEST_ONLY, WEEK_1))
                    .isInstanceOf(SimulatedOutage.class)
                    .hasMessageStartingWith("box score API unavailable");

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.metric(Metrics.GAME_LOGS_ADDED)).isZero();
            assertThat(run.metric(Metrics.API_CALLS_MADE)).as("1 schedule + 8 box scores + the failed one")
                    .isEqualTo(10);
            assertThat(db.count("games")).isEqualTo(16);
            assertThat(db.count("game_logs")).isZero();
        }

        @Test
        void aModelFailureMidwayFailsThePredictionRunAndLeavesNoPrediction() throws SQLException {
            weekly(pipeline(), WeeklyMode.FULL, WEEK_1);

            assertThatThrownBy(() -> predictions(pipeline(Step.PREDICTIONS), WEEK_1))
                    .isInstanceOf(SimulatedOutage.class)
                    .hasMessageStartingWith("prediction model unavailable");

            RunRecord run = store.last();
            assertThat(run.spec().batchType()).isEqualTo(BatchTypes.PREDICTION_GENERATION);
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.metric(Metrics.PREDICTIONS_GENERATED)).isZero();
            assertThat(db.count("predictions")).isZero();
        }

        @Test
        void aStepThatIsNotPartOfTheModeDoesNotFail() throws SQLException {
            weekly(pipeline(Step.ODDS), WeeklyMode.INGEST_ONLY, WEEK_1);

            assertThat(store.last().status()).isEqualTo(RunStatus.PARTIAL);
            assertThat(store.last().failure()).isNull();
        }
    }

    @Nested
    class Predictions {

        @Test
        void theFirstRunPredictsEveryGameOfTheWeek() throws SQLException {
            weekly(pipeline(), WeeklyMode.FULL, WEEK_1);

            PredictionResult result = predictions(pipeline(), WEEK_1);

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(run.metric(Metrics.PREDICTIONS_GENERATED)).isEqualTo(16);
            assertThat(run.metric(Metrics.PREDICTIONS_SKIPPED)).isZero();
            assertThat(run.metric(NflPipeline.PREDICTIONS_WITHOUT_ODDS)).isEqualTo(2);
            assertThat(result.generated()).isEqualTo(16);
            assertThat(predictionRows()).contains(
                    tuple("2024_01_BAL_KC", "KC", new BigDecimal("0.586"), new BigDecimal("3.0"), true),
                    tuple("2024_01_HOU_IND", "HOU", new BigDecimal("0.414"), new BigDecimal("-3.0"), true),
                    tuple("2024_01_GB_PHI", "PHI", new BigDecimal("0.543"), new BigDecimal("1.5"), false));
        }

        @Test
        void aSecondRunSkipsEveryGameAndChangesNoPredictionEvenWhenTheOddsMoved() throws SQLException {
            weekly(pipeline(), WeeklyMode.FULL, WEEK_1);
            PredictionResult first = predictions(pipeline(), WEEK_1);
            List<Object> before = predictionRowsWithCreationTime();
            weekly(pipeline(new CompleteOddsFeed()), WeeklyMode.ODDS_ONLY, WEEK_1);

            PredictionResult second = predictions(pipeline(), WEEK_1);

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(run.metric(Metrics.PREDICTIONS_GENERATED)).isZero();
            assertThat(run.metric(Metrics.PREDICTIONS_SKIPPED)).isEqualTo(first.generated()).isEqualTo(16);
            assertThat(second.skipped()).isEqualTo(16);
            assertThat(db.count("predictions")).isEqualTo(16);
            assertThat(predictionRowsWithCreationTime()).isEqualTo(before);
        }

        @Test
        void aWeekWithoutGamesEndsPartialWithAWarning() throws SQLException {
            predictions(pipeline(), WEEK_1);

            RunRecord run = store.last();
            assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
            assertThat(warnings(run)).containsExactly(
                    List.of("predictions", "No games in database for 2024/reg/1; run the weekly update first"));
            assertThat(db.count("predictions")).isZero();
        }

        private List<org.assertj.core.groups.Tuple> predictionRows() throws SQLException {
            List<org.assertj.core.groups.Tuple> rows = new ArrayList<>();
            try (Connection c = db.source().open(); PreparedStatement ps = c.prepareStatement(
                    "SELECT game_id, predicted_winner, home_win_probability, predicted_margin, used_odds"
                            + " FROM nfl.predictions ORDER BY game_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(tuple(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getBoolean(5)));
                }
            }
            return rows;
        }

        private List<Object> predictionRowsWithCreationTime() throws SQLException {
            List<Object> rows = new ArrayList<>();
            try (Connection c = db.source().open(); PreparedStatement ps = c.prepareStatement(
                    "SELECT game_id, predicted_winner, home_win_probability, predicted_margin, used_odds, created_at"
                            + " FROM nfl.predictions ORDER BY game_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(List.of(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getBoolean(5), rs.getObject(6).toString()));
                }
            }
            return rows;
        }
    }

    @Nested
    class RosterRefreshRuns {

        @Test
        void onboardsTheNewPlayersOnceAndSucceeds() throws SQLException {
            NflPipeline pipeline = pipeline();

            RosterResult first = rosterRefresh(pipeline, WEEK_1);
            RunRecord firstRun = store.last();
            RosterResult second = rosterRefresh(pipeline, WEEK_1);

            assertThat(firstRun.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(firstRun.spec().batchType()).isEqualTo(BatchTypes.ROSTER_REFRESH);
            assertThat(firstRun.metric(NflPipeline.PLAYERS_ONBOARDED)).isEqualTo(6);
            assertThat(firstRun.metric(Metrics.API_CALLS_MADE)).isEqualTo(1);
            assertThat(first.onboarded()).isEqualTo(6);
            assertThat(store.last().metric(NflPipeline.PLAYERS_ONBOARDED)).isZero();
            assertThat(second.alreadyKnown()).isEqualTo(6);
            assertThat(db.count("players")).isEqualTo(64 + 6);
        }
    }

    @Test
    void withoutARunTheEntryPointsWorkAndRecordNothing() throws SQLException {
        NflPipeline pipeline = pipeline();

        WeeklyUpdateResult result = pipeline.weeklyUpdate("full", 2024, 1, SeasonType.REG);

        assertThat(result.runId()).isNull();
        assertThat(result.gamesProcessed()).isEqualTo(16);
        assertThat(warnings(result.warnings())).containsExactly(List.of("game_logs", SKIPPED_PLAYERS),
                List.of("odds", MISSING_ODDS));
        assertThat(store.started).isEmpty();
        assertThat(db.count("games")).isEqualTo(16);
    }

    /** The sample feed with lines for the two games it lacks, as if the books had posted them later. */
    static final class CompleteOddsFeed implements NflFeed {
        private final SampleFeed sample = new SampleFeed();

        @Override
        public List<ScheduledGame> schedule(Period period) {
            return sample.schedule(period);
        }

        @Override
        public List<BoxScoreLine> boxScore(Period period, String gameId) {
            return sample.boxScore(period, gameId);
        }

        @Override
        public Optional<OddsLine> odds(Period period, String gameId) {
            return sample.odds(period, gameId).or(() -> Optional.of(
                    new OddsLine(gameId, "late", new BigDecimal("-2.5"), new BigDecimal("45.5"))));
        }

        @Override
        public List<Player> rosterMoves(Period period) {
            return sample.rosterMoves(period);
        }
    }
}
