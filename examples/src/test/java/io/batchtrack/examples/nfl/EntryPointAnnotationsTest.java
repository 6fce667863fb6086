package io.batchtrack.examples.nfl;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.Trigger;
import io.batchtrack.examples.nfl.feed.SampleFeed;
import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.Woven;
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
 * {@code TrackedMethod} and {@code Woven} on purpose, to catch an annotation mistake here instead of
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
        TrackedMethod tracked = TrackedMethod.of(method("weeklyUpdate", String.class, int.class, int.class, SeasonType.class));

        RunSpec spec = tracked.resolve(new Object[] {"odds_only", 2024, 1, SeasonType.REG}, tracking.trigger(),
                tracking.clock());

        assertThat(spec).isEqualTo(new RunSpec("weekly_update", "odds_only", Period.regular(2024, 1), Trigger.MANUAL));
    }

    @Test
    void predictionGenerationHasNoModeAndTakesItsWeekFromItsArguments() throws Exception {
        TrackedMethod tracked = TrackedMethod.of(method("generatePredictions", int.class, int.class, SeasonType.class));

        RunSpec spec = tracked.resolve(new Object[] {2024, 3, SeasonType.POST}, tracking.trigger(), tracking.clock());

        assertThat(spec).isEqualTo(new RunSpec("prediction_generation", null, Period.of(2024, 3, SeasonType.POST),
                Trigger.MANUAL));
    }

    @Test
    void theRosterRefreshTakesItsWeekFromItsArguments() throws Exception {
        TrackedMethod tracked = TrackedMethod.of(method("refreshRosters", int.class, int.class, SeasonType.class));

        RunSpec spec = tracked.resolve(new Object[] {2024, 1, SeasonType.REG}, tracking.trigger(), tracking.clock());

        assertThat(spec).isEqualTo(new RunSpec("roster_refresh", null, Period.regular(2024, 1), Trigger.MANUAL));
    }

    @Test
    @ExtendWith(PostgresExtension.class)
    void aWeeklyUpdateRunThroughTheAgentsEnterAndExitIsRecordedWithItsCounters(PostgresDatabase pg) throws Exception {
        BatchTracking.setGlobal(tracking);
        NflPipeline pipeline = new NflPipeline(TestDatabase.withNflTables(pg).source(), new SampleFeed(), Set.of());
        TrackedMethod tracked = Woven.trackedMethod(method("weeklyUpdate", String.class, int.class, int.class,
                SeasonType.class));

        ActiveRun run = Woven.enter(tracked, new Object[] {"schedule_only", 2024, 1, SeasonType.REG});
        WeeklyUpdateResult result = pipeline.weeklyUpdate("schedule_only", 2024, 1, SeasonType.REG);
        Woven.exit(tracked, run, result, null);

        RunRecord recorded = store.last();
        assertThat(recorded.id()).isEqualTo(result.runId());
        assertThat(recorded.spec().mode()).isEqualTo("schedule_only");
        assertThat(recorded.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(recorded.metric(Metrics.GAMES_PROCESSED)).isEqualTo(16);
    }
}
