package io.batchtrack.aspectj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import io.batchtrack.BatchTracking;
import io.batchtrack.RunStatus;
import io.batchtrack.TrackedBatch;
import io.batchtrack.Tracker;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testing.LoggedLines;
import io.batchtrack.testing.Poll;
import io.batchtrack.testing.ScriptedStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Through the AspectJ aspect (these methods are woven by ajc at compile time): a publisher's run
 * ends at its first subscription's terminal signal and a ListenableFuture's when it completes, as
 * under the agent; the caller sees the same values and the same exception instances. Without the
 * agent nothing propagates the run to Reactor's scheduler threads: Reactor's own schedule hook with
 * {@code Tracker::wrap} does.
 */
class AspectAsyncReturnsTest {
    private static final IllegalStateException FEED_DOWN = new IllegalStateException("feed down");

    private ScriptedStore store;
    private BatchTracking tracking;
    private BatchTracking previous;

    @TrackedBatch(type = "reactive_mono")
    static Mono<String> monoFails() {
        return Mono.delay(Duration.ofMillis(300)).then(Mono.error(FEED_DOWN));
    }

    @TrackedBatch(type = "reactive_flux")
    static Flux<Integer> fluxCounted() {
        return Flux.range(1, 1000).parallel(4).runOn(Schedulers.parallel())
                .doOnNext(i -> Tracker.current().increment("games_processed", 1)).sequential();
    }

    @TrackedBatch(type = "reactive_cancelled")
    static Flux<Long> ticking() {
        return Flux.interval(Duration.ofMillis(5));
    }

    @TrackedBatch(type = "flow_publisher")
    static Flow.Publisher<String> flowFails() {
        return subscriber -> {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            subscriber.onError(FEED_DOWN);
        };
    }

    @TrackedBatch(type = "guava_future")
    static ListenableFuture<String> listenable(SettableFuture<String> future) {
        Tracker.current().increment("odds_synced", 3);
        return future;
    }

    /** A future whose listener cannot be added: Guava's contract broken, by an Error. */
    static final class RefusingFuture extends com.google.common.util.concurrent.AbstractFuture<String> {
        @Override
        public void addListener(Runnable listener, java.util.concurrent.Executor executor) {
            throw new AssertionError("listeners refused");
        }
    }

    @TrackedBatch(type = "guava_refusing")
    static ListenableFuture<String> refusing(RefusingFuture future) {
        return future;
    }

    /** Not followed: the aspect says so once, and the run measures the call. */
    @TrackedBatch(type = "plain_future")
    static java.util.concurrent.Future<String> plainFuture() {
        return java.util.concurrent.CompletableFuture.completedFuture("later");
    }

    @BeforeEach
    void engine() {
        store = new ScriptedStore();
        tracking = BatchTracking.builder().store(store).heartbeatInterval(Duration.ofSeconds(30)).build();
        previous = BatchTracking.setGlobal(tracking);
    }

    @AfterEach
    void restore() {
        Schedulers.resetOnScheduleHook("batchtrack");
        tracking.close();
        if (previous != null) {
            BatchTracking.setGlobal(previous);
        }
        assertThat(Tracker.current().isActive()).as("a run leaked into the thread").isFalse();
    }

    private RunRecord finished() {
        Poll.until(Duration.ofSeconds(10), () -> !store.finished().isEmpty(), "the run ends");
        return store.only();
    }

    @Test
    void a_mono_that_errors_after_300_ms_is_a_failed_run_of_at_least_300_ms() {
        Throwable thrown = catchThrowable(() -> monoFails().block());

        assertThat(thrown).isSameAs(FEED_DOWN);
        RunRecord run = finished();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure().type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(run.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void a_flux_counted_on_the_parallel_scheduler_counts_every_item_once_with_reactors_schedule_hook() {
        Schedulers.onScheduleHook("batchtrack", Tracker::wrap);
        Flux<Integer> flux = fluxCounted();

        assertThat(flux.collectList().block()).hasSize(1000);
        assertThat(flux.collectList().block()).hasSize(1000); // a second subscription: no run of its own

        RunRecord run = finished();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.metric("games_processed")).isEqualTo(1000);
    }

    @Test
    void a_cancelled_subscription_is_a_failed_run_marked_cancelled() {
        assertThat(ticking().take(3).collectList().block()).containsExactly(0L, 1L, 2L);

        RunRecord run = finished();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure().type()).isEqualTo("cancelled");
    }

    @Test
    void a_flow_publisher_whose_subscriber_receives_an_error_is_a_failed_run() {
        List<Throwable> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        flowFails().subscribe(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {}

            @Override
            public void onNext(String item) {}

            @Override
            public void onError(Throwable t) {
                received.add(t);
            }

            @Override
            public void onComplete() {}
        });

        assertThat(received).containsExactly(FEED_DOWN);
        RunRecord run = finished();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure().message()).isEqualTo("feed down");
    }

    @Test
    void an_unsupported_asynchronous_return_type_is_logged_once_and_its_run_measures_the_call() throws Exception {
        try (LoggedLines log = LoggedLines.capture()) {
            assertThat(plainFuture().get()).isEqualTo("later");
            assertThat(plainFuture().get()).isEqualTo("later");

            assertThat(log.containing("returns java.util.concurrent.Future")).hasSize(1)
                    .allMatch(l -> l.text().contains("AspectAsyncReturnsTest.plainFuture()")
                            && l.text().contains("its run measures only the call, ending when the method returns"));
        }
        Poll.until(Duration.ofSeconds(10), () -> store.finished().size() == 2, "both runs end");
        assertThat(store.finished()).extracting(RunRecord::status).containsOnly(RunStatus.SUCCESS);
    }

    @Test
    void a_listenable_future_ends_its_run_when_it_completes() throws Exception {
        SettableFuture<String> pending = SettableFuture.create();
        ListenableFuture<String> returned = listenable(pending);

        assertThat(returned).isSameAs(pending);
        assertThat(store.finished()).isEmpty();
        pending.set("odds synced");
        assertThat(returned.get(10, TimeUnit.SECONDS)).isEqualTo("odds synced");

        RunRecord run = finished();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.metric("odds_synced")).isEqualTo(3);
    }

    @Test
    void a_listenable_future_whose_listener_cannot_be_added_is_returned_and_its_run_fails_at_once() {
        RefusingFuture future = new RefusingFuture();

        assertThat(refusing(future)).isSameAs(future);

        RunRecord run = finished();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure().type()).isEqualTo("java.lang.AssertionError");
        assertThat(run.failure().message()).isEqualTo("listeners refused");
    }
}
