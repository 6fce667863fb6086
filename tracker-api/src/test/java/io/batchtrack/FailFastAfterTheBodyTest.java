package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.Woven;
import io.batchtrack.testing.LoggedLines;
import io.batchtrack.testing.Poll;
import io.batchtrack.testing.ScriptedStore;
import io.batchtrack.testing.ScriptedStore.Call;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code on-store-failure=fail} governs the start only: once the body has run, its value or its
 * exception reaches the caller unchanged on the synchronous and the asynchronous path alike, and an
 * end that could not be recorded is logged at WARNING.
 */
class FailFastAfterTheBodyTest {
    private static final RunSpec SPEC = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, Period.regular(2025, 8),
            Trigger.MANUAL);

    private final ScriptedStore store = new ScriptedStore()
            .failing(Call.FINISH, new IllegalStateException("scripted: the end cannot be written"));
    private final BatchTracking tracking = BatchTracking.builder().store(store).policy(StoreFailurePolicy.FAIL).build();
    private final LoggedLines log = LoggedLines.capture();
    private BatchTracking previous;

    @AfterEach
    void close() {
        tracking.close();
        log.close();
        if (previous != null) {
            BatchTracking.setGlobal(previous);
        }
        assertThat(Tracker.current().isActive()).isFalse();
    }

    @Test
    void the_callback_form_returns_the_value_and_logs_the_lost_end() {
        String result = tracking.call(SPEC, () -> "done");

        assertThat(result).isEqualTo("done");
        assertLoggedAtWarning();
    }

    @Test
    void the_callback_form_rethrows_the_body_exception_without_anything_attached() {
        IllegalArgumentException own = new IllegalArgumentException("the body's own");

        Throwable thrown = catchThrowable(() -> tracking.run(SPEC, () -> {
            throw own;
        }));

        assertThat(thrown).isSameAs(own);
        assertThat(own.getSuppressed()).isEmpty();
        assertLoggedAtWarning();
    }

    @Test
    void a_block_closes_without_throwing() {
        Throwable thrown = catchThrowable(() -> {
            try (BatchTracker run = tracking.start(SPEC)) {
                run.complete();
            }
        });

        assertThat(thrown).isNull();
        assertLoggedAtWarning();
    }

    @TrackedBatch(type = BatchTypes.WEEKLY_UPDATE)
    static CompletionStage<String> asyncJob() {
        return null; // only its annotation is read
    }

    @TrackedBatch(type = BatchTypes.WEEKLY_UPDATE)
    static String syncJob() {
        return null; // only its annotation is read
    }

    @Test
    void a_woven_synchronous_method_returns_its_value() throws Exception {
        previous = BatchTracking.setGlobal(tracking);
        TrackedMethod tracked = Woven.trackedMethod(FailFastAfterTheBodyTest.class.getDeclaredMethod("syncJob"));

        ActiveRun run = Woven.enter(tracked, new Object[0]);
        Throwable thrown = catchThrowable(() -> Woven.exit(tracked, run, "done", null));

        assertThat(thrown).isNull();
        assertLoggedAtWarning();
    }

    @Test
    void a_woven_asynchronous_method_completes_its_future_with_the_value() throws Exception {
        previous = BatchTracking.setGlobal(tracking);
        TrackedMethod tracked = Woven.trackedMethod(FailFastAfterTheBodyTest.class.getDeclaredMethod("asyncJob"));
        CompletableFuture<String> future = new CompletableFuture<>();

        ActiveRun run = Woven.enter(tracked, new Object[0]);
        Woven.exit(tracked, run, future, null);
        future.complete("done");

        assertThat(future.join()).isEqualTo("done");
        Poll.until(Duration.ofSeconds(10), run::isEnded, "the asynchronous run ended");
        assertLoggedAtWarning();
    }

    private void assertLoggedAtWarning() {
        assertThat(log.warningsContaining("scripted: the end cannot be written"))
                .as("the lost end is logged at WARNING: " + log.lines()).isNotEmpty();
    }
}
