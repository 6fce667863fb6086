package io.batchtrack.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.Tracker;
import io.batchtrack.testing.InMemoryRunStore;
import io.batchtrack.testing.LoggedLines;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A registry that throws whenever a meter is made, an exception or an Error: the batch never sees it
 * (same value, same exception instance, body once) and the store still records the run.
 */
class ThrowingRegistryTest {
    private static final RunSpec WEEKLY = RunSpec.of("weekly_update", Period.regular(2026, 13)).withMode("full");

    static Stream<Supplier<Throwable>> failures() {
        return Stream.of(() -> new IllegalStateException("registry broken"), () -> new LinkageError("registry broken"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void theBatchsValueReachesTheCallerUnchanged(Supplier<Throwable> failure) {
        InMemoryRunStore store = new InMemoryRunStore();
        AtomicInteger bodies = new AtomicInteger();
        Object value = new Object();
        ThrowingRegistry registry = new ThrowingRegistry(failure);
        try (BatchTracking tracking = tracking(store, registry)) {
            Object returned = tracking.call(WEEKLY, () -> {
                bodies.incrementAndGet();
                Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
                return value;
            });

            assertThat(returned).isSameAs(value);
        }
        assertThat(registry.thrown).as("the registry failed at the start and at the end").hasValueGreaterThan(1);
        assertThat(bodies).hasValue(1);
        assertThat(store.runs()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(r.metric(Metrics.GAMES_PROCESSED)).isEqualTo(16);
        });
    }

    @ParameterizedTest
    @MethodSource("failures")
    void theBatchsExceptionReachesTheCallerAsTheSameInstance(Supplier<Throwable> failure) {
        InMemoryRunStore store = new InMemoryRunStore();
        AtomicInteger bodies = new AtomicInteger();
        IllegalArgumentException thrown = new IllegalArgumentException("feed down");
        ThrowingRegistry registry = new ThrowingRegistry(failure);
        try (BatchTracking tracking = tracking(store, registry)) {
            assertThatThrownBy(() -> tracking.run(WEEKLY, () -> {
                bodies.incrementAndGet();
                throw thrown;
            })).isSameAs(thrown);
        }
        assertThat(registry.thrown).hasValueGreaterThan(1);
        assertThat(bodies).hasValue(1);
        assertThat(store.runs()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.FAILED));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void theFailureIsLoggedNamingTheListener(Supplier<Throwable> failure) {
        try (LoggedLines log = LoggedLines.capture(); BatchTracking tracking = tracking(new InMemoryRunStore(),
                new ThrowingRegistry(failure))) {
            tracking.run(WEEKLY, () -> { });

            assertThat(log.containing("run listener micrometer")).anySatisfy(l -> assertThat(l.text())
                    .contains("the batch goes on").contains("registry broken"));
        }
    }

    private static BatchTracking tracking(InMemoryRunStore store, ThrowingRegistry registry) {
        return BatchTracking.builder().store(store).listener(MicrometerRunListener.create(registry)).build();
    }

    /** Fails to make any meter. */
    private static final class ThrowingRegistry extends SimpleMeterRegistry {
        private final Supplier<Throwable> failure;
        final AtomicInteger thrown = new AtomicInteger();

        ThrowingRegistry(Supplier<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
            throw this.<RuntimeException>sneaky(failure.get());
        }

        @Override
        protected LongTaskTimer newLongTaskTimer(Meter.Id id, DistributionStatisticConfig config) {
            throw this.<RuntimeException>sneaky(failure.get());
        }

        @Override
        protected Counter newCounter(Meter.Id id) {
            throw this.<RuntimeException>sneaky(failure.get());
        }

        @SuppressWarnings("unchecked")
        private <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
            thrown.incrementAndGet();
            throw (T) t;
        }
    }
}
