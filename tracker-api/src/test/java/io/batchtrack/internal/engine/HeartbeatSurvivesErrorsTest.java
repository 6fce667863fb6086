package io.batchtrack.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Trigger;
import io.batchtrack.testing.LoggedLines;
import io.batchtrack.testing.Poll;
import io.batchtrack.testing.ScriptedStore;
import io.batchtrack.testing.ScriptedStore.Call;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One beat that throws, whatever it throws, never stops the heartbeat of the runs still open. */
class HeartbeatSurvivesErrorsTest {
    private static final RunSpec SPEC = new RunSpec("weekly_update", "full", Period.regular(2025, 3), Trigger.MANUAL);

    static Stream<Throwable> failures() {
        return Stream.of(new AssertionError("scripted: heartbeat assertion"),
                new OutOfMemoryError("scripted: heartbeat out of memory"),
                new StackOverflowError("scripted: heartbeat stack overflow"),
                new IllegalStateException("scripted: heartbeat bug"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void later_beats_still_happen_after_a_beat_that_throws(Throwable failure) {
        ScriptedStore store = new ScriptedStore().failingOnce(Call.PROGRESS, failure);
        BatchTracking tracking = BatchTracking.builder().store(store).heartbeatInterval(Duration.ofMillis(100)).build();

        try (LoggedLines log = LoggedLines.capture(); BatchTracker run = tracking.start(SPEC)) {
            Poll.until(Duration.ofSeconds(10), () -> store.progress().size() >= 2,
                    "two heartbeats written after the one that threw " + failure);
            run.complete();
            assertThat(log.containing(failure.getClass().getName())).as("the failed beat is logged").isNotEmpty();
        } finally {
            tracking.close();
        }

        assertThat(store.calls()).filteredOn(m -> m.call() == Call.PROGRESS && !m.succeeded()).hasSize(1);
    }
}
