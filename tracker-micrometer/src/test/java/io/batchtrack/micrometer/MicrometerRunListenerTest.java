package io.batchtrack.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.config.ConflictPolicy;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.testing.InMemoryRunStore;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meters of real runs through the engine, in a {@link SimpleMeterRegistry}. */
class MicrometerRunListenerTest {
    private static final RunSpec WEEKLY = RunSpec.of("weekly_update", Period.regular(2026, 13)).withMode("full");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryRunStore store = new InMemoryRunStore();
    private final BatchTracking tracking = BatchTracking.builder().store(store)
            .listener(MicrometerRunListener.create(registry)).onConflict(ConflictPolicy.SKIP).build();

    @AfterEach
    void close() {
        tracking.close();
    }

    @Test
    void eachEndedRunIsTimedByTypeModeAndStatus() {
        tracking.run(WEEKLY, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 16));
        tracking.run(WEEKLY, () -> Tracker.current().warn("odds", "no odds for 2 games"));
        assertThatThrownBy(() -> tracking.run(WEEKLY.withMode(null), () -> {
            throw new IllegalStateException("feed down");
        })).hasMessage("feed down");

        assertThat(timer("weekly_update", "full", "success").count()).isEqualTo(1);
        assertThat(timer("weekly_update", "full", "partial").count()).isEqualTo(1);
        assertThat(timer("weekly_update", "", "failed").count()).isEqualTo(1);
        Timer success = timer("weekly_update", "full", "success");
        long recorded = store.runs().get(0).duration().toNanos();
        assertThat(success.totalTime(TimeUnit.NANOSECONDS)).isEqualTo((double) recorded);
    }

    @Test
    void theCountersOfEachRunAreAddedAtItsEndByBatchTypeAndMetric() {
        tracking.run(WEEKLY, () -> {
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
            Tracker.current().increment("models_loaded", 3);
        });
        tracking.run(WEEKLY.withMode("odds_only"), () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 4));

        assertThat(registry.get(MicrometerRunListener.METRIC).tags("batch_type", "weekly_update", "metric",
                Metrics.GAMES_PROCESSED).counter().count()).isEqualTo(20.0);
        assertThat(registry.get(MicrometerRunListener.METRIC).tags("batch_type", "weekly_update", "metric",
                "models_loaded").counter().count()).isEqualTo(3.0);
    }

    @Test
    void countersReachTheRegistryAtTheRunsEndNotOnIncrement() {
        try (BatchTracker run = tracking.start(WEEKLY)) {
            run.increment(Metrics.GAMES_PROCESSED, 5);
            run.increment(Metrics.GAMES_PROCESSED, 5);

            assertThat(registry.find(MicrometerRunListener.METRIC).counters()).isEmpty();
            run.complete();
        }
        assertThat(registry.get(MicrometerRunListener.METRIC).tag("metric", Metrics.GAMES_PROCESSED).counter()
                .count()).isEqualTo(10.0);
    }

    @Test
    void aRunInProgressIsActiveUntilItEnds() {
        LongTaskTimer[] during = new LongTaskTimer[1];
        tracking.run(WEEKLY, () -> during[0] = registry.get(MicrometerRunListener.ACTIVE)
                .tags("batch_type", "weekly_update", "batch_mode", "full").longTaskTimer());

        assertThat(during[0]).isNotNull();
        LongTaskTimer active = registry.get(MicrometerRunListener.ACTIVE).longTaskTimer();
        assertThat(active.activeTasks()).isZero();
        try (BatchTracker run = tracking.start(WEEKLY)) {
            assertThat(active.activeTasks()).isEqualTo(1);
            run.complete();
        }
        assertThat(active.activeTasks()).isZero();
    }

    @Test
    void anExclusiveAttemptThatLostIsASkippedRunAndNeverActive() {
        RunSpec exclusive = WEEKLY.withExclusive(true);
        BatchTracker first = tracking.start(exclusive);
        first.detach(); // else the second, on the same thread, would join it
        try (BatchTracker second = tracking.startOrSkip(exclusive)) {
            assertThat(second.isSkipped()).isTrue();
        } finally {
            first.finish(null);
        }

        assertThat(timer("weekly_update", "full", "skipped").count()).isEqualTo(1);
        assertThat(timer("weekly_update", "full", "success").count()).isEqualTo(1);
        assertThat(registry.get(MicrometerRunListener.ACTIVE).longTaskTimer().activeTasks()).isZero();
    }

    @Test
    void closingTheEngineEndsTheSamplesOfRunsLeftOpen() {
        tracking.start(WEEKLY).detach();
        LongTaskTimer active = registry.get(MicrometerRunListener.ACTIVE).longTaskTimer();
        assertThat(active.activeTasks()).isEqualTo(1);

        tracking.close();

        assertThat(active.activeTasks()).isZero();
        assertThat(List.of(registry.getMeters().toArray())).isNotEmpty(); // the registry is the application's
    }

    private Timer timer(String type, String mode, String status) {
        return registry.get(MicrometerRunListener.RUN).tags("batch_type", type, "batch_mode", mode, "status", status)
                .timer();
    }
}
