package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.spi.RunRecord;
import io.batchtrack.testing.ScriptedStore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failure whose {@code getMessage()} and {@code toString()} throw still ends its run: recorded
 * {@code failed} with a fallback description, no longer current on the thread, the caller given
 * the very exception its body threw.
 */
class UndescribableFailureTest {
    private static final RunSpec SPEC = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, Period.regular(2025, 4),
            Trigger.MANUAL);

    private final ScriptedStore store = new ScriptedStore();
    private final BatchTracking tracking = BatchTracking.builder().store(store).build();

    /** An application exception whose description itself fails, as a lazily built message can. */
    static final class Undescribable extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("message built from a closed resource");
        }

        @Override
        public String toString() {
            throw new UnsupportedOperationException("no toString either");
        }
    }

    @AfterEach
    void close() {
        tracking.close();
        assertThat(Tracker.current().isActive()).as("the run is still current on the thread").isFalse();
    }

    @Test
    void the_callback_form_ends_the_run_and_rethrows_the_same_exception() {
        Undescribable failure = new Undescribable();
        AtomicInteger bodies = new AtomicInteger();

        Throwable thrown = catchThrowable(() -> tracking.call(SPEC, () -> {
            bodies.incrementAndGet();
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(bodies).hasValue(1);
        assertFailedWithFallback(store.only());
    }

    @Test
    void a_block_that_declares_the_failure_ends_the_run_when_closed() {
        Undescribable failure = new Undescribable();

        try (BatchTracker run = tracking.start(SPEC)) {
            run.fail(failure);
        }

        assertFailedWithFallback(store.only());
    }

    @Test
    void a_later_run_on_the_thread_is_not_nested_in_the_failed_one() {
        catchThrowable(() -> tracking.run(SPEC, () -> {
            throw new Undescribable();
        }));

        tracking.run(SPEC, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 2));

        assertThat(store.finished()).hasSize(2);
        RunRecord later = store.finished().get(1);
        assertThat(later.parentId()).as("the failed run leaked as a parent").isNull();
        assertThat(later.metric(Metrics.GAMES_PROCESSED)).isEqualTo(2);
        assertThat(store.finished().get(0).metric(Metrics.GAMES_PROCESSED)).isZero();
    }

    private static void assertFailedWithFallback(RunRecord run) {
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure().type()).isEqualTo(Undescribable.class.getName());
        assertThat(run.failure().message()).isEqualTo("message unavailable: java.lang.IllegalStateException");
    }
}
