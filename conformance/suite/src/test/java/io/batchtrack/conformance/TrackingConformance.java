package io.batchtrack.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What tracking does, whatever the front door: the one description every front door must meet. A
 * subclass hands over the {@link ScenarioRun} of its front door (the scenario program run once, in a
 * JVM of its own, recording in PostgreSQL); each test reads one behaviour from what the program
 * observed and the rows it left. Every scenario has a batch type of its own and, for readiness, a week.
 */
abstract class TrackingConformance {
    private static final String BAD_METRIC_MESSAGE = "metric name 'Games Processed' does not match [a-z][a-z0-9_]{0,62}";
    private static final List<String> RECORDED_TYPES = List.of("success", "partial", "failed_checked",
            "failed_after_warning", "void_return", "primitive_return", "generic_return", "bridged", "async_success",
            "async_failure", "async_throw", "publisher_success", "publisher_failure", "nested_outer", "nested_inner",
            "bad_metric");

    private ScenarioRun run;

    /** The run of this front door, made once and shared by its tests. */
    abstract ScenarioRun scenarioRun();

    @BeforeEach
    void theProgramRanToItsEnd() {
        run = scenarioRun();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("done")).as(run.toString()).isEqualTo("true");
    }

    @Test
    void everyTrackedCallIsOneRowAndNothingElseIsRecorded() {
        assertThat(run.rows().runs().stream().map(r -> r.get("batch_type")))
                .as(run.toString()).containsExactlyInAnyOrderElementsOf(RECORDED_TYPES);
        for (Map<String, String> r : run.rows().runs()) {
            assertThat(r).as(r.get("batch_type")).containsEntry("season_year", "2025").containsEntry("season_type", "reg")
                    .containsEntry("triggered_by", "manual");
            assertThat(r.get("completed_at")).as(r.get("batch_type")).isNotNull();
            assertThat(r.get("host")).as(r.get("batch_type")).contains("@");
        }
    }

    @Test
    void aRunThatReturnsWithoutWarningsIsASuccessWithItsCounters() {
        Map<String, String> success = run.run("success");

        assertThat(success).containsEntry("status", "success").containsEntry("batch_mode", "full")
                .containsEntry("week", "1").containsEntry("games_processed", "16").containsEntry("api_calls_made", "3")
                .containsEntry("game_logs_added", "0").containsEntry("custom_metrics", "{\"rows_copied\": 5}")
                .containsEntry("warnings", "[]").containsEntry("warnings_dropped", "0")
                .containsEntry("error_type", null).containsEntry("error_message", null)
                .containsEntry("parent_run_id", null);
        assertThat(Long.parseLong(success.get("duration_ms"))).isNotNegative();
        assertThat(run.value("success.result")).isEqualTo("success:16");
    }

    @Test
    void aRunThatReturnsWithAWarningIsPartial() {
        Map<String, String> partial = run.run("partial");

        assertThat(partial).containsEntry("status", "partial").containsEntry("batch_mode", "odds_only")
                .containsEntry("week", "2").containsEntry("game_logs_added", "40")
                .containsEntry("predictions_generated", "12").containsEntry("error_type", null);
        assertThat(partial.get("warnings")).contains("\"stage\": \"game_logs\"")
                .contains("\"message\": \"Skipped 3 players not in database\"");
        assertThat(run.value("partial.result")).isEqualTo("partial:40");
    }

    @Test
    void aRunWhoseMethodThrowsIsFailedEvenAfterAWarning() {
        assertThat(run.run("failed_checked")).containsEntry("status", "failed").containsEntry("week", "3")
                .containsEntry("games_processed", "7").containsEntry("error_type", "java.io.IOException")
                .containsEntry("error_message", "schedule feed down");
        assertThat(run.run("failed_checked").get("error_stack")).startsWith("java.io.IOException: schedule feed down\n");

        Map<String, String> afterWarning = run.run("failed_after_warning");
        assertThat(afterWarning).containsEntry("status", "failed")
                .containsEntry("error_type", "java.lang.IllegalStateException")
                .containsEntry("error_message", "odds feed gone");
        assertThat(afterWarning.get("warnings")).contains("sportsbook answered 503 twice");
    }

    @Test
    void theCallerReceivesTheVeryObjectTheMethodReturned() {
        assertThat(run.value("success.same_instance")).isEqualTo("true");
        assertThat(run.value("partial.same_instance")).isEqualTo("true");
    }

    @Test
    void theCallerReceivesTheVeryExceptionTheMethodThrewWithNothingAdded() {
        assertThat(run.value("failed_checked.thrown")).isEqualTo("java.io.IOException: schedule feed down");
        assertThat(run.value("failed_checked.same_instance")).isEqualTo("true");
        assertThat(run.value("failed_checked.suppressed")).isEqualTo("0");
        assertThat(run.value("failed_after_warning.same_instance")).isEqualTo("true");
        assertThat(run.value("failed_after_warning.suppressed")).isEqualTo("0");
    }

    @Test
    void voidPrimitiveAndGenericMethodsReturnWhatTheyComputed() {
        assertThat(run.value("void_return.sink")).isEqualTo("[touched]");
        assertThat(run.value("primitive_return.result")).isEqualTo("44");
        assertThat(run.value("generic_return.result")).isEqualTo("[game, odds, week]");
        assertThat(run.value("generic_return.input_untouched")).isEqualTo("[week, game, odds]");

        assertThat(run.run("void_return")).containsEntry("status", "success").containsEntry("odds_synced", "2");
        assertThat(run.run("primitive_return")).containsEntry("status", "success").containsEntry("predictions_skipped", "16");
        assertThat(run.run("generic_return")).containsEntry("status", "success").containsEntry("games_processed", "3");
    }

    @Test
    void aMethodReachedThroughABridgeMethodRecordsOneRunPerCall() {
        assertThat(run.value("bridged.result")).isEqualTo("30");
        assertThat(run.run("bridged")).containsEntry("status", "success").containsEntry("week", "15")
                .containsEntry("errors_encountered", "1").containsEntry("parent_run_id", null);
    }

    @Test
    void anAsynchronousRunEndsWhenItsFutureCompletes() {
        assertThat(run.value("async_success.same_future")).isEqualTo("true");
        assertThat(run.value("async_success.current_after_return")).isEqualTo("false");
        assertThat(run.value("async_success.result")).isEqualTo("odds synced");
        assertThat(run.run("async_success")).containsEntry("status", "success").containsEntry("odds_synced", "9")
                .containsEntry("error_type", null);
    }

    @Test
    void anAsynchronousRunFailsWithItsFutureOrAtOnceWhenTheMethodThrows() {
        assertThat(run.value("async_failure.same_future")).isEqualTo("true");
        assertThat(run.value("async_failure.same_instance")).isEqualTo("true");
        assertThat(run.run("async_failure")).containsEntry("status", "failed").containsEntry("api_calls_made", "1")
                .containsEntry("error_type", "java.lang.UnsupportedOperationException")
                .containsEntry("error_message", "sportsbook closed");

        assertThat(run.value("async_throw.same_instance")).isEqualTo("true");
        assertThat(run.run("async_throw")).containsEntry("status", "failed")
                .containsEntry("error_type", "java.lang.IllegalStateException")
                .containsEntry("error_message", "no odds today");
        assertThat(run.value("async.current_after_all")).isEqualTo("false");
    }

    @Test
    void aPublishersRunEndsAtItsSubscribersTerminalSignal() {
        assertThat(run.value("publisher_success.current_after_return")).isEqualTo("false");
        assertThat(run.value("publisher_success.items")).isEqualTo("[KC@BAL, PHI@GB]");
        assertThat(run.value("publisher_success.completed")).isEqualTo("true");
        assertThat(run.run("publisher_success")).containsEntry("status", "success").containsEntry("odds_synced", "2")
                .containsEntry("error_type", null);

        assertThat(run.value("publisher_failure.same_instance")).isEqualTo("true");
        assertThat(run.run("publisher_failure")).containsEntry("status", "failed").containsEntry("api_calls_made", "1")
                .containsEntry("error_type", "java.lang.IllegalStateException")
                .containsEntry("error_message", "feed down");
        assertThat(run.value("publisher.current_after_all")).isEqualTo("false");
    }

    @Test
    void aNestedTrackedCallIsARunOfItsOwnLinkedToTheRunAroundIt() {
        Map<String, String> outer = run.run("nested_outer");
        Map<String, String> inner = run.run("nested_inner");

        assertThat(inner.get("parent_run_id")).isEqualTo(outer.get("id"));
        assertThat(outer.get("parent_run_id")).isNull();
        assertThat(outer).containsEntry("status", "success").containsEntry("games_processed", "2")
                .containsEntry("game_logs_added", "0");
        assertThat(inner).containsEntry("status", "success").containsEntry("game_logs_added", "8");
        assertThat(run.value("nested.inner_had_a_run_of_its_own")).isEqualTo("true");
        assertThat(run.value("nested.outer_is_current_again")).isEqualTo("true");
        assertThat(run.value("nested.current_after")).isEqualTo("false");
    }

    @Test
    void insideATrackedMethodTheCurrentTrackerIsTheRunOfThatCall() {
        for (String type : RECORDED_TYPES) {
            assertThat(run.value("track." + type + ".run")).as(type).isEqualTo(run.run(type).get("id"));
        }
    }

    @Test
    void outsideAnyRunTheCurrentTrackerRecordsNothing() {
        for (String when : List.of("before", "after")) {
            assertThat(run.value("no_run." + when + ".active")).as(when).isEqualTo("false");
            assertThat(run.value("no_run." + when + ".run_id")).as(when).isEqualTo("empty");
            assertThat(run.value("no_run." + when + ".spec")).as(when).isEqualTo("empty");
        }
        assertThat(run.rows().runs()).noneMatch(r -> r.get("warnings").contains("nobody records this"));
    }

    @Test
    void readinessIsRefreshedAfterSuccessOrPartialAndNeverAfterAFailure() {
        assertThat(run.readiness(1)).hasValueSatisfying(r -> assertThat(r).containsEntry("games_count", "16")
                .containsEntry("schedule_complete", "true").containsEntry("predictions_available", "false")
                .containsEntry("last_run_id", run.run("success").get("id")));
        assertThat(run.readiness(2)).hasValueSatisfying(r -> assertThat(r).containsEntry("predictions_count", "12")
                .containsEntry("predictions_available", "true").containsEntry("schedule_complete", "false"));
        assertThat(run.readiness(10)).hasValueSatisfying(r -> assertThat(r).containsEntry("games_count", "2")
                .containsEntry("last_run_id", run.run("nested_outer").get("id")));

        List<String> readyWeeks = run.rows().readiness().stream().map(r -> r.get("week")).collect(Collectors.toList());
        assertThat(readyWeeks).containsExactlyInAnyOrder("1", "2", "5", "6", "7", "8", "10", "12", "15", "16");
    }

    @Test
    void anUnreachableStoreUnderTheContinuePolicyLeavesTheMethodRunningAndReturning() {
        assertThat(run.value("store_down.result")).isEqualTo("ran without its store");
        assertThat(run.value("store_down.tracker_active_inside")).isEqualTo("true");
        assertThat(run.runsOf("store_down")).isEmpty();
        assertThat(run.readiness(11)).isEmpty();
        assertThat(run.stderr()).contains("cannot reach its store").contains("the batch goes on");
    }

    @Test
    void aBadMetricNameIsRejectedWithTheSameMessageInsideAndOutsideARun() {
        assertThat(run.value("bad_metric.inside_a_run")).isEqualTo(BAD_METRIC_MESSAGE);
        assertThat(run.value("bad_metric.outside_a_run")).isEqualTo(BAD_METRIC_MESSAGE);
        assertThat(run.run("bad_metric")).containsEntry("status", "success").containsEntry("games_processed", "4")
                .containsEntry("custom_metrics", "{}");
    }
}
