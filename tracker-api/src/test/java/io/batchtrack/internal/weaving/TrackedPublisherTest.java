package io.batchtrack.internal.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.RunStatus;
import io.batchtrack.TrackedBatch;
import io.batchtrack.Tracker;
import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.testing.Poll;
import io.batchtrack.testing.ScriptedStore;
import io.batchtrack.testing.ScriptedStore.Call;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher a woven {@code Flow.Publisher} method's caller receives is the original as far as
 * any subscriber can tell: the same items on the same requests (backpressure), the same error
 * instance, a second subscription served by the original, and the run ends once, at the first
 * subscription's terminal signal, whatever the store throws.
 */
class TrackedPublisherTest {
    private ScriptedStore store;
    private BatchTracking tracking;
    private BatchTracking previous;

    @TrackedBatch(type = "odds_feed")
    static Flow.Publisher<String> feed() {
        return null; // only its annotation and return type are read
    }

    @BeforeEach
    void engine() {
        store = new ScriptedStore();
        tracking = BatchTracking.builder().store(store).heartbeatInterval(Duration.ofSeconds(30)).build();
        previous = BatchTracking.setGlobal(tracking);
    }

    @AfterEach
    void restore() {
        tracking.close();
        if (previous != null) {
            BatchTracking.setGlobal(previous);
        }
        assertThat(Tracker.current().isActive()).as("a run leaked into the thread").isFalse();
    }

    /** What a woven call of {@link #feed} returns when its body returns {@code original}. */
    @SuppressWarnings("unchecked")
    private static Flow.Publisher<String> called(Flow.Publisher<String> original) throws NoSuchMethodException {
        TrackedMethod tracked = Woven.trackedMethod(TrackedPublisherTest.class.getDeclaredMethod("feed"));
        ActiveRun run = Woven.enter(tracked, new Object[0]);
        return (Flow.Publisher<String>) Woven.exit(tracked, run, original, null);
    }

    /** Items only as requested, like any well-behaved publisher; {@code failure} after the last, if any. */
    private static Flow.Publisher<String> of(List<String> items, RuntimeException failure) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private int next;
            private boolean done;

            @Override
            public void request(long n) {
                for (long i = 0; i < n && next < items.size(); i++) {
                    subscriber.onNext(items.get(next++));
                }
                if (next == items.size() && !done) {
                    done = true;
                    if (failure == null) {
                        subscriber.onComplete();
                    } else {
                        subscriber.onError(failure);
                    }
                }
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
    }

    /** Keeps what it receives and requests only when told to. */
    static final class Recording implements Flow.Subscriber<String> {
        final List<Object> signals = new CopyOnWriteArrayList<>();
        Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(String item) {
            signals.add(item);
        }

        @Override
        public void onError(Throwable t) {
            signals.add(t);
        }

        @Override
        public void onComplete() {
            signals.add("complete");
        }
    }

    @Test
    void items_arrive_only_as_requested_and_the_run_ends_at_completion() throws Exception {
        Flow.Publisher<String> returned = called(of(List.of("KC@BAL", "PHI@GB", "DAL@NYG"), null));
        Recording subscriber = new Recording();
        returned.subscribe(subscriber);

        subscriber.subscription.request(1);
        assertThat(subscriber.signals).containsExactly("KC@BAL");
        assertThat(store.finished()).as("not ended before its terminal signal").isEmpty();

        subscriber.subscription.request(5);
        assertThat(subscriber.signals).containsExactly("KC@BAL", "PHI@GB", "DAL@NYG", "complete");
        Poll.until(Duration.ofSeconds(10), () -> !store.finished().isEmpty(), "the run ends");
        assertThat(store.only().status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void a_second_subscription_is_served_by_the_original_and_opens_or_ends_nothing() throws Exception {
        IllegalStateException feedDown = new IllegalStateException("feed down");
        Flow.Publisher<String> returned = called(of(List.of("KC@BAL"), feedDown));
        Recording first = new Recording();
        Recording second = new Recording();

        returned.subscribe(first);
        first.subscription.request(2);
        returned.subscribe(second);
        second.subscription.request(2);

        assertThat(first.signals).containsExactly("KC@BAL", feedDown);
        assertThat(second.signals).containsExactly("KC@BAL", feedDown);
        assertThat(first.signals.get(1)).isSameAs(feedDown);
        Poll.until(Duration.ofSeconds(10), () -> !store.finished().isEmpty(), "the run ends");
        assertThat(store.only().status()).isEqualTo(RunStatus.FAILED);
        assertThat(store.only().failure().message()).isEqualTo("feed down");
    }

    @Test
    void a_cancelled_subscription_ends_the_run_failed_as_cancelled_and_the_original_sees_the_cancel()
            throws Exception {
        try (SubmissionPublisher<String> original = new SubmissionPublisher<>()) {
            Flow.Publisher<String> returned = called(original);
            Recording subscriber = new Recording();
            returned.subscribe(subscriber);
            Poll.until(Duration.ofSeconds(10), () -> subscriber.subscription != null, "subscribed");

            subscriber.subscription.cancel();

            Poll.until(Duration.ofSeconds(10), () -> original.getNumberOfSubscribers() == 0, "the original cancelled");
            Poll.until(Duration.ofSeconds(10), () -> !store.finished().isEmpty(), "the run ends");
            assertThat(store.only().failure().type()).isEqualTo("cancelled");
        }
    }

    @Test
    void a_store_that_throws_at_the_end_never_reaches_the_subscriber() throws Exception {
        store.failing(Call.FINISH, new StackOverflowError("scripted"));
        Flow.Publisher<String> returned = called(of(List.of("KC@BAL"), null));
        Recording subscriber = new Recording();
        returned.subscribe(subscriber);

        subscriber.subscription.request(1);

        assertThat(subscriber.signals).containsExactly("KC@BAL", "complete");
    }
}
