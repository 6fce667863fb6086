package io.batchtrack.aspectj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.BatchTracking;
import io.batchtrack.RunStatus;
import io.batchtrack.TrackedBatch;
import io.batchtrack.Tracker;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testing.LoggedLines;
import io.batchtrack.testing.ScriptedStore;
import io.batchtrack.testing.ScriptedStore.Call;
import java.time.Duration;
import java.util.ServiceConfigurationError;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Through the AspectJ aspect (this test's methods are woven by ajc at compile time, as an
 * application's are): a store that throws an {@code Error} at its start, end or readiness refresh
 * never changes what the woven method returns or throws, its body runs once, the failure is logged.
 * A representative set; the whole matrix is tracker-api's {@code TrackingFailureMatrixTest}.
 */
class AspectTrackingFailuresTest {
    private static final AtomicInteger BODIES = new AtomicInteger();
    private static final IllegalStateException OWN = new IllegalStateException("the body's own failure");

    private ScriptedStore store;
    private BatchTracking tracking;
    private BatchTracking previous;

    static Stream<Arguments> failures() {
        return Stream.of(Call.START, Call.FINISH, Call.REFRESH).flatMap(call -> Stream.of(
                Arguments.of(call, new NoSuchMethodError("scripted NoSuchMethodError at " + call)),
                Arguments.of(call, new ServiceConfigurationError("scripted ServiceConfigurationError at " + call)),
                Arguments.of(call, new AssertionError("scripted AssertionError at " + call)),
                Arguments.of(call, new StackOverflowError("scripted StackOverflowError at " + call)),
                Arguments.of(call, new IllegalStateException("scripted RuntimeException at " + call))));
    }

    @TrackedBatch(type = "weekly_update")
    static int returning() {
        BODIES.incrementAndGet();
        return 42;
    }

    @TrackedBatch(type = "weekly_update")
    static int throwing() {
        BODIES.incrementAndGet();
        throw OWN;
    }

    @BeforeEach
    void engine() {
        store = new ScriptedStore();
        tracking = BatchTracking.builder().store(store).heartbeatInterval(Duration.ofSeconds(30)).build();
        previous = BatchTracking.setGlobal(tracking);
        BODIES.set(0);
    }

    @AfterEach
    void restore() {
        tracking.close();
        if (previous != null) {
            BatchTracking.setGlobal(previous);
        }
        assertThat(Tracker.current().isActive()).as("a run leaked into the thread").isFalse();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void a_woven_method_returns_its_value_when_the_store_throws(Call call, Throwable failure) {
        store.failing(call, failure);

        try (LoggedLines log = LoggedLines.capture()) {
            assertThat(returning()).isEqualTo(42);
            assertThat(log.containing(failure.getMessage())).as("the failure is logged").isNotEmpty();
        }

        assertThat(BODIES).hasValue(1);
        if (call != Call.FINISH) {
            assertThat(store.finished()).extracting(RunRecord::status).containsExactly(RunStatus.SUCCESS);
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void a_woven_method_throws_its_own_exception_when_the_store_throws(Call call, Throwable failure) {
        store.failing(call, failure);

        Throwable thrown = catchThrowable(AspectTrackingFailuresTest::throwing);

        assertThat(thrown).isSameAs(OWN);
        assertThat(BODIES).hasValue(1);
        if (call != Call.FINISH) {
            assertThat(store.finished()).extracting(RunRecord::status).containsExactly(RunStatus.FAILED);
        }
    }
}
