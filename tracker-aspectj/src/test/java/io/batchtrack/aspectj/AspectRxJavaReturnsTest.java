package io.batchtrack.aspectj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.BatchTracking;
import io.batchtrack.RunStatus;
import io.batchtrack.TrackedBatch;
import io.batchtrack.Tracker;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testing.Poll;
import io.batchtrack.testing.ScriptedStore;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through the AspectJ aspect (woven by ajc at compile time), methods returning RxJava 3's
 * {@code Flowable}: error → failed with that exception, completion → success, cancel → failed as
 * cancelled, as under the agent (RxJavaReturnsIT). Without the agent nothing carries the run to
 * RxJava's computation threads: RxJava's own schedule handler with {@code Tracker::wrap} does.
 */
class AspectRxJavaReturnsTest {
    private static final IllegalStateException FEED_DOWN = new IllegalStateException("feed down");

    private ScriptedStore store;
    private BatchTracking tracking;
    private BatchTracking previous;

    @TrackedBatch(type = "rxjava_failing")
    static Flowable<String> failing() {
        return Flowable.timer(200, TimeUnit.MILLISECONDS, Schedulers.computation())
                .flatMap(tick -> Flowable.<String>error(FEED_DOWN));
    }

    @TrackedBatch(type = "rxjava_counted")
    static Flowable<Integer> counted() {
        return Flowable.range(1, 1000).parallel(4).runOn(Schedulers.computation())
                .doOnNext(i -> Tracker.current().increment("games_processed", 1)).sequential()
                .observeOn(Schedulers.computation())
                .doOnNext(i -> Tracker.current().increment("odds_synced", 1));
    }

    @TrackedBatch(type = "rxjava_cancelled")
    static Flowable<Long> ticking() {
        return Flowable.interval(5, TimeUnit.MILLISECONDS, Schedulers.computation());
    }

    @BeforeEach
    void engine() {
        store = new ScriptedStore();
        tracking = BatchTracking.builder().store(store).heartbeatInterval(Duration.ofSeconds(30)).build();
        previous = BatchTracking.setGlobal(tracking);
    }

    @AfterEach
    void restore() {
        RxJavaPlugins.setScheduleHandler(null);
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
    void a_flowable_that_errors_is_a_failed_run_with_that_exception_lasting_until_the_error() {
        Throwable thrown = catchThrowable(() -> failing().blockingSubscribe());

        assertThat(thrown).isSameAs(FEED_DOWN);
        RunRecord run = finished();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure().type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(run.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void a_flowable_counted_on_the_computation_scheduler_counts_every_item_once_with_rxjavas_schedule_handler() {
        RxJavaPlugins.setScheduleHandler(Tracker::wrap);
        Flowable<Integer> flowable = counted();

        assertThat(flowable.toList().blockingGet()).hasSize(1000);
        assertThat(flowable.toList().blockingGet()).hasSize(1000); // a second subscription: no run of its own

        RunRecord run = finished();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(run.metric("games_processed")).isEqualTo(1000);
        assertThat(run.metric("odds_synced")).isEqualTo(1000);
        assertThat(store.finished()).hasSize(1);
    }

    @Test
    void a_cancelled_flowable_is_a_failed_run_marked_cancelled() {
        assertThat(ticking().take(3).toList().blockingGet()).containsExactly(0L, 1L, 2L);

        RunRecord run = finished();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure().type()).isEqualTo("cancelled");
    }
}
