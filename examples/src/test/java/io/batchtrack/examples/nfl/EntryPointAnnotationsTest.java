package io.batchtrack.examples.nfl;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.Trigger;
import io.batchtrack.examples.nfl.feed.SampleFeed;
import io.batchtrack.internal.MethodSpec;
import io.batchtrack.internal.Woven;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.lang.reflect.Method;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the agent will see: the spec each entry point's annotations resolve to, and a weekly update
 * run through the same enter/exit calls the agent's advice makes. Uses tracker-api's internal
 * {@code MethodSpec} and {@code Woven} on purpose, to catch an annotation mistake here instead of
 * in a forked JVM with the agent.
 */
class EntryPointAnnotationsTest {
    final RecordingStore store = new RecordingStore();
    final BatchTracking tracking = BatchTracking.builder().store(store).trigger(Trigger.MANUAL).build();

    static Method method(String name, Class<?>... types) throws NoSuchMethodException {
        return NflPipeline.class.getMethod(name, types);
    }

    @Test
    void theWeeklyUpdateTakesItsModeAndWeekFromItsArguments() throws Exception {
        MethodSpec plan = MethodSpec.of(method("weeklyUpdate", String.class, int.class, int.class, SeasonType.class));

        RunSpec spec = plan.resolve(new Object[] {"odds_only", 2024, 1, SeasonType.REG}, tracking);

        assertThat(spec).isEqualTo(new RunSpec("weekly_update", "odds_only", Period.regular(2024, 1), Trigger.MANUAL));
    }

    @Test
    void predictionGenerationHasNoModeAndTakesItsWeekFromItsArguments() throws Exception {
        MethodSpec plan = MethodSpec.of(method("generatePredictions", int.class, int.class, SeasonType.class));

        RunSpec spec = plan.resolve(new Object[] {2024, 3, SeasonType.POST}, tracking);

        assertThat(spec).isEqualTo(new RunSpec("prediction_generation", null, Period.of(2024, 3, SeasonType.POST),
                Trigger.MANUAL));
    }

    @Test
    void theRosterRefreshTakesItsWeekFromItsArguments() throws Exception {
        MethodSpec plan = MethodSpec.of(method("refreshRosters", int.class, int.class, SeasonType.class));

        RunSpec spec = plan.resolve(new Object[] {2024, 1, SeasonType.REG}, tracking);

        assertThat(spec).isEqualTo(new RunSpec("roster_refresh", null, Period.regular(2024, 1), Trigger.MANUAL));
    }

    @Test
    @ExtendWith(PostgresExtension.class)
    void aWeeklyUpdateRunThroughTheAgentsEnterAndExitIsRecordedWithItsCounters(PostgresDatabase pg) throws Exception {
        BatchTracking.setGlobal(tracking);
        NflPipeline pipeline = new NflPipeline(TestDatabase.withNflTables(pg).source(), new SampleFeed(), Set.of());
        MethodSpec plan = Woven.plan(method("weeklyUpdate", String.class, int.class, int.class, SeasonType.class));

        BatchTracker run = Woven.enter(plan, new Object[] {"schedule_only", 2024, 1, SeasonType.REG});
        WeeklyUpdateResult result = pipeline.weeklyUpdate("schedule_only", 2024, 1, SeasonType.REG);
        Woven.exit(plan, run, result, null);

        RunRecord recorded = store.last();
        assertThat(recorded.id()).isEqualTo(result.runId());
        assertThat(recorded.spec().mode()).isEqualTo("schedule_only");
        assertThat(recorded.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(recorded.metric(Metrics.GAMES_PROCESSED)).isEqualTo(16);
    }
}
