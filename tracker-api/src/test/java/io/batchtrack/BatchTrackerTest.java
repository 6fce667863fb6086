package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.spi.RunRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchTrackerTest {
    private static final Period WEEK_17 = Period.regular(2025, 17);
    private static final RunSpec SPEC = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, WEEK_17,
            Trigger.GITHUB_ACTIONS);

    private final RecordingStore store = new RecordingStore();
    private BatchTracking tracking = BatchTracking.builder().store(store).build();

    @AfterEach
    void noRunLeftCurrent() {
        assertThat(Tracker.current().isActive()).as("a run leaked into the thread").isFalse();
    }

    @Test
    void a_run_that_returns_without_warnings_is_success_with_its_counters() {
        String result = tracking.call(SPEC, () -> {
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
            Tracker.current().increment(Metrics.API_CALLS_MADE);
            Tracker.current().increment(Metrics.API_CALLS_MADE, 2);
            Tracker.current().increment("box_scores_parsed", 5);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        RunRecord run = store.only();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.spec()).isEqualTo(SPEC);
        assertThat(run.metric(Metrics.GAMES_PROCESSED)).isEqualTo(16);
        assertThat(run.metric(Metrics.API_CALLS_MADE)).isEqualTo(3);
        assertThat(run.metric("box_scores_parsed")).isEqualTo(5);
        assertThat(run.metric(Metrics.ODDS_SYNCED)).isZero();
        assertThat(run.failure()).isNull();
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        assertThat(store.started).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(run.id());
            assertThat(s.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(s.finishedAt()).isNull();
        });
    }

    @Test
    void the_body_sees_its_run_as_the_current_tracker() {
        tracking.run(SPEC, () -> {
            assertThat(Tracker.current().spec()).contains(SPEC);
            assertThat(Tracker.current().runId()).isPresent();
        });
        assertThat(store.only().id()).isEqualTo(store.started.get(0).id());
    }

    @Test
    void a_run_with_warnings_is_partial_and_keeps_each_warning() {
        tracking.run(SPEC, () -> Tracker.current().warn("game_logs", "Skipped 3 players not in database"));

        RunRecord run = store.only();
        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.warnings()).singleElement().satisfies(w -> {
            assertThat(w.stage()).isEqualTo("game_logs");
            assertThat(w.message()).isEqualTo("Skipped 3 players not in database");
            assertThat(w.at()).isBetween(run.startedAt(), run.finishedAt());
        });
    }

    @Test
    void a_run_that_throws_is_failed_and_the_same_exception_reaches_the_caller() {
        IOException boom = new IOException("odds API returned 503");

        assertThatThrownBy(() -> tracking.call(SPEC, () -> {
            throw boom;
        })).isSameAs(boom);

        RunRecord run = store.only();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure().type()).isEqualTo("java.io.IOException");
        assertThat(run.failure().message()).isEqualTo("odds API returned 503");
        assertThat(run.failure().stackExcerpt()).startsWith("java.io.IOException: odds API returned 503")
                .contains("BatchTrackerTest").hasSizeLessThanOrEqualTo(4_100);
    }

    @Test
    void errors_are_recorded_and_rethrown_too() {
        StackOverflowError error = new StackOverflowError("deep");
        assertThatThrownBy(() -> tracking.run(SPEC, () -> {
            throw error;
        })).isSameAs(error);
        assertThat(store.only().failure().type()).isEqualTo("java.lang.StackOverflowError");
    }

    @Test
    void a_failed_run_keeps_the_counters_it_had() {
        assertThatThrownBy(() -> tracking.run(SPEC, () -> {
            Tracker.current().increment(Metrics.GAME_LOGS_ADDED, 40);
            throw new IllegalStateException("box score missing");
        })).hasMessage("box score missing");
        assertThat(store.only().metric(Metrics.GAME_LOGS_ADDED)).isEqualTo(40);
    }

    @Test
    void try_with_resources_records_success_when_complete_is_called() {
        try (BatchTracker tracker = tracking.start(SPEC)) {
            tracker.increment(Metrics.ODDS_SYNCED, 14);
            tracker.complete();
        }
        assertThat(store.only().status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(store.only().metric(Metrics.ODDS_SYNCED)).isEqualTo(14);
    }

    @Test
    void try_with_resources_left_by_an_exception_records_failed() {
        assertThatThrownBy(() -> {
            try (BatchTracker tracker = tracking.start(SPEC)) {
                tracker.increment(Metrics.ODDS_SYNCED, 1);
                throw new IllegalStateException("left early");
            }
        }).hasMessage("left early");
        RunRecord run = store.only();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure().type()).isEqualTo("io.batchtrack.IncompleteRun");
        assertThat(run.failure().message()).contains("complete()");
    }

    @Test
    void try_with_resources_records_the_exception_given_to_fail() {
        try (BatchTracker tracker = tracking.start(SPEC)) {
            try {
                throw new IllegalArgumentException("bad week file");
            } catch (IllegalArgumentException e) {
                tracker.fail(e);
            }
        }
        assertThat(store.only().failure().type()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(store.only().failure().message()).isEqualTo("bad week file");
    }

    @Test
    void closing_twice_records_the_run_once() {
        BatchTracker tracker = tracking.start(SPEC);
        tracker.complete();
        tracker.close();
        tracker.close();
        assertThat(store.finished).hasSize(1);
    }

    @Test
    void outside_a_run_the_current_tracker_records_nothing_but_still_checks_its_input() {
        Tracker none = Tracker.current();
        none.increment(Metrics.GAMES_PROCESSED, 3);
        none.warn("odds", "nothing to do");

        assertThat(none.isActive()).isFalse();
        assertThat(none.runId()).isEmpty();
        assertThat(none.spec()).isEmpty();
        assertThatThrownBy(() -> none.increment("Games Processed", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metric name 'Games Processed' does not match [a-z][a-z0-9_]{0,62}");
        assertThat(store.started).isEmpty();
    }

    @Test
    void nested_runs_link_to_their_parent_and_restore_it_afterwards() {
        RunSpec inner = new RunSpec(BatchTypes.PREDICTION_GENERATION, null, WEEK_17, Trigger.MANUAL);
        tracking.run(SPEC, () -> {
            Tracker outer = Tracker.current();
            tracking.run(inner, () -> {
                assertThat(Tracker.current().spec()).contains(inner);
                Tracker.current().increment(Metrics.PREDICTIONS_GENERATED, 2);
            });
            assertThat(Tracker.current()).isSameAs(outer);
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 1);
        });

        RunRecord innerRun = store.finished.get(0);
        RunRecord outerRun = store.finished.get(1);
        assertThat(innerRun.parentId()).isEqualTo(outerRun.id());
        assertThat(outerRun.parentId()).isNull();
        assertThat(innerRun.metric(Metrics.PREDICTIONS_GENERATED)).isEqualTo(2);
        assertThat(outerRun.metric(Metrics.PREDICTIONS_GENERATED)).isZero();
        assertThat(outerRun.metric(Metrics.GAMES_PROCESSED)).isEqualTo(1);
    }

    @Test
    void increments_after_the_run_ended_are_dropped_and_counted() {
        BatchTracker tracker = tracking.start(SPEC);
        tracker.increment(Metrics.ODDS_SYNCED, 1);
        tracker.complete();
        tracker.close();

        tracker.increment(Metrics.ODDS_SYNCED, 100);
        tracker.warn("odds", "too late");

        assertThat(store.only().metric(Metrics.ODDS_SYNCED)).isEqualTo(1);
        assertThat(tracker.activeRun().lateUpdates()).isEqualTo(2);
    }

    @Test
    void readiness_is_refreshed_after_success_and_partial_but_not_after_failure() {
        tracking.run(SPEC, () -> { });
        tracking.run(SPEC, () -> Tracker.current().warn("odds", "2 games without odds"));
        assertThatThrownBy(() -> tracking.run(SPEC, () -> {
            throw new IllegalStateException("x");
        }));

        assertThat(store.refreshed).extracting(RunRecord::status)
                .containsExactly(RunStatus.SUCCESS, RunStatus.PARTIAL);
    }

    @Test
    void a_failing_readiness_refresh_leaves_the_run_as_it_was() {
        store.failOnRefresh = new IllegalStateException("readiness table locked");
        int value = tracking.call(SPEC, () -> 7);
        assertThat(value).isEqualTo(7);
        assertThat(store.only().status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void under_the_continue_policy_a_dead_store_does_not_stop_the_batch() {
        store.failOnStart = new IllegalStateException("connection refused");
        store.failOnFinish = new IllegalStateException("connection refused");
        AtomicBoolean ran = new AtomicBoolean();

        String result = tracking.call(SPEC, () -> {
            ran.set(true);
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 1);
            return "still works";
        });

        assertThat(result).isEqualTo("still works");
        assertThat(ran).isTrue();
    }

    @Test
    void under_the_fail_policy_a_run_that_cannot_be_recorded_does_not_start() {
        tracking = BatchTracking.builder().store(store).policy(StoreFailurePolicy.FAIL).build();
        store.failOnStart = new IllegalStateException("connection refused");
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> tracking.run(SPEC, () -> ran.set(true)))
                .isInstanceOf(TrackingException.class)
                .hasMessageContaining("weekly_update")
                .hasMessageContaining("connection refused")
                .hasCauseReference(store.failOnStart);
        assertThat(ran).isFalse();
    }

    @Test
    void under_the_fail_policy_a_lost_end_changes_neither_the_result_nor_the_exception() {
        tracking = BatchTracking.builder().store(store).policy(StoreFailurePolicy.FAIL).build();
        store.failOnFinish = new IllegalStateException("connection lost");

        assertThat(tracking.call(SPEC, () -> "done")).isEqualTo("done");

        IllegalStateException body = new IllegalStateException("body failed");
        assertThatThrownBy(() -> tracking.run(SPEC, () -> {
            throw body;
        })).isSameAs(body);
        assertThat(body.getSuppressed()).isEmpty();
    }

    @Test
    void warnings_beyond_the_cap_are_counted_not_kept() {
        tracking = BatchTracking.builder().store(store).maxWarnings(3).build();
        tracking.run(SPEC, () -> {
            for (int i = 0; i < 10; i++) {
                Tracker.current().warn("game_logs", "player " + i);
            }
        });
        RunRecord run = store.only();
        assertThat(run.warnings()).extracting(Warning::message).containsExactly("player 0", "player 1", "player 2");
        assertThat(run.warningsDropped()).isEqualTo(7);
        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
    }

    @Test
    void long_messages_are_truncated_and_marked() {
        String huge = "x".repeat(1_000_000);
        tracking.run(SPEC, () -> Tracker.current().warn("odds", huge));
        String kept = store.only().warnings().get(0).message();
        assertThat(kept).startsWith("xxxx").endsWith("… [truncated, 1000000 chars in all]")
                .hasSizeLessThan(io.batchtrack.config.EngineSettings.DEFAULT_MAX_MESSAGE_LENGTH + 60);
    }

    @Test
    void bad_input_is_rejected_with_the_value_and_the_rule() {
        tracking.run(SPEC, () -> {
            Tracker t = Tracker.current();
            assertThatThrownBy(() -> t.increment(null, 1)).hasMessage("metric name must not be null");
            assertThatThrownBy(() -> t.increment("odds-synced", 1))
                    .hasMessage("metric name 'odds-synced' does not match [a-z][a-z0-9_]{0,62}");
            assertThatThrownBy(() -> t.increment(Metrics.ODDS_SYNCED, -1))
                    .hasMessage("increment of metric 'odds_synced' by -1 is negative: counters only grow");
            assertThatThrownBy(() -> t.warn(null, "m")).hasMessage("warning stage null must not be null or blank");
            assertThatThrownBy(() -> t.warn("odds", null))
                    .hasMessage("warning message of stage 'odds' must not be null");
        });
        assertThat(store.only().status()).isEqualTo(RunStatus.SUCCESS);
        assertThatThrownBy(() -> RunSpec.of(" ", WEEK_17))
                .hasMessage("batch type ' ' does not match [a-z][a-z0-9_]{0,62}");
        assertThatThrownBy(() -> RunSpec.of(null, WEEK_17))
                .hasMessage("batch type null does not match [a-z][a-z0-9_]{0,62}");
        assertThatThrownBy(() -> Period.regular(2025, 19))
                .hasMessage("week 19 is outside the reg season's range 1..18");
        assertThatThrownBy(() -> Period.of(2025, 5, SeasonType.POST))
                .hasMessage("week 5 is outside the post season's range 1..4");
        assertThatThrownBy(() -> Period.regular(20025, 1))
                .hasMessage("season year 20025 is implausible: expected 1920..2100");
        assertThatThrownBy(() -> tracking.start(null)).hasMessage("run spec must not be null");
    }

    @Test
    void the_store_sees_one_start_and_one_end_however_many_increments() {
        tracking.run(SPEC, () -> {
            for (int i = 0; i < 1_000_000; i++) {
                Tracker.current().increment(Metrics.API_CALLS_MADE);
            }
        });
        assertThat(store.started).hasSize(1);
        assertThat(store.finished).hasSize(1);
        assertThat(store.only().metric(Metrics.API_CALLS_MADE)).isEqualTo(1_000_000);
    }

    @Test
    void increments_from_many_threads_sum_exactly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            BatchTracker tracker = tracking.start(SPEC);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 100_000; i++) {
                        tracker.increment(Metrics.GAMES_PROCESSED);
                        tracker.increment("worker_ticks", 2);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            tracker.complete();
            tracker.close();
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.only().metric(Metrics.GAMES_PROCESSED)).isEqualTo(800_000);
        assertThat(store.only().metric("worker_ticks")).isEqualTo(1_600_000);
    }

    @Test
    void a_spec_without_a_trigger_takes_the_engine_trigger() {
        tracking = BatchTracking.builder().store(store).trigger(Trigger.of("nightly_cron")).build();
        tracking.run(RunSpec.of(BatchTypes.ROSTER_REFRESH, WEEK_17), () -> { });
        assertThat(store.only().spec().trigger()).isEqualTo(Trigger.of("nightly_cron"));
    }

    @Test
    void an_engine_from_an_unreadable_config_file_runs_batches_untracked() {
        BatchTracking fromBadFile = BatchTracking.fromConfig(io.batchtrack.config.TrackerConfig.of(
                java.util.Map.of("batchtrack.config-file", "/nonexistent/batchtrack.properties"), java.util.Map.of()));
        assertThat(fromBadFile.call(SPEC, () -> "ran")).isEqualTo("ran");
        assertThat(fromBadFile.store()).isSameAs(io.batchtrack.spi.RunStore.NONE);
    }

    @Test
    void under_the_fail_policy_an_unreadable_config_file_stops_tracked_runs() {
        BatchTracking fromBadFile = BatchTracking.fromConfig(io.batchtrack.config.TrackerConfig.of(
                java.util.Map.of("batchtrack.config-file", "/nonexistent/batchtrack.properties",
                        "batchtrack.on-store-failure", "fail"), java.util.Map.of()));
        assertThatThrownBy(() -> fromBadFile.call(SPEC, () -> "ran")).isInstanceOf(TrackingException.class)
                .hasMessageContaining("config-file");
    }

    @Test
    void run_times_come_from_the_engine_clock() {
        Instant t0 = Instant.parse("2025-12-28T18:00:00Z");
        tracking = BatchTracking.builder().store(store).clock(Clock.fixed(t0, ZoneOffset.UTC)).build();
        tracking.run(SPEC, () -> { });
        assertThat(store.only().startedAt()).isEqualTo(t0);
        assertThat(store.only().duration()).isZero();
        assertThat(store.only().id().version()).isEqualTo(7);
    }
}
