package app.reactive;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Batches that return Reactor's Mono and Flux, a Flow.Publisher, a Guava ListenableFuture and a
 * plain Future, each on a week of its own; prints what the caller saw and each run's id as
 * {@code track.NAME.id}.
 */
public final class Main {
    private static final IllegalStateException FEED_DOWN = new IllegalStateException("feed down");

    private Main() {}

    public static void main(String[] args) throws Exception {
        // first, so that the collector has long ended its run before the JVM exits
        WeakReference<Mono<String>> dropped = new WeakReference<>(neverSubscribed(2024, 6));
        while (dropped.get() != null) {
            System.gc(); // the publisher nobody subscribes to is collected: its run ends then
        }
        System.out.println("never_subscribed.collected=true");

        try {
            monoFails(2024, 1).block();
        } catch (IllegalStateException e) {
            System.out.println("mono.threw=" + e.getMessage() + " same=" + (e == FEED_DOWN));
        }

        Flux<Integer> flux = fluxCounted(2024, 2);
        List<Integer> items = flux.collectList().block();
        // the parallel rails merge in no fixed order: the sum shows every item arrived once
        System.out.println("flux.items=" + items.size() + " sum=" + items.stream().mapToInt(Integer::intValue).sum());
        System.out.println("flux.again=" + flux.collectList().block().size()); // a second subscription: no run of its own

        System.out.println("cancelled.taken=" + cancelled(2024, 3).take(3).collectList().block());

        AtomicReference<Throwable> received = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        flowFails(2024, 4).subscribe(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(1);
            }

            @Override
            public void onNext(String item) {
                System.out.println("flow.item=" + item);
            }

            @Override
            public void onError(Throwable t) {
                received.set(t);
                ended.countDown();
            }

            @Override
            public void onComplete() {
                ended.countDown();
            }
        });
        ended.await(1, TimeUnit.MINUTES);
        System.out.println("flow.error=" + received.get().getMessage() + " same=" + (received.get() == FEED_DOWN));

        System.out.println("guava.result=" + listenable(2024, 5).get(1, TimeUnit.MINUTES));
        System.out.println("future.result=" + plainFuture(2024, 7).get(1, TimeUnit.MINUTES));
        System.out.println("done=true");
    }

    @TrackedBatch(type = "reactive_mono")
    static Mono<String> monoFails(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("mono");
        return Mono.delay(Duration.ofMillis(300)).then(Mono.error(FEED_DOWN));
    }

    @TrackedBatch(type = "reactive_flux")
    static Flux<Integer> fluxCounted(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("flux");
        return Flux.range(1, 1000).parallel(4).runOn(Schedulers.parallel())
                .doOnNext(i -> Tracker.current().increment("games_processed", 1)).sequential();
    }

    @TrackedBatch(type = "reactive_cancelled")
    static Flux<Long> cancelled(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("cancelled");
        return Flux.interval(Duration.ofMillis(5));
    }

    @TrackedBatch(type = "reactive_never")
    static Mono<String> neverSubscribed(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("never");
        return Mono.just("unused");
    }

    @TrackedBatch(type = "flow_publisher")
    static Flow.Publisher<String> flowFails(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("flow");
        return subscriber -> {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            new Thread(() -> subscriber.onError(FEED_DOWN)).start();
        };
    }

    @TrackedBatch(type = "guava_future")
    static ListenableFuture<String> listenable(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("guava");
        SettableFuture<String> future = SettableFuture.create();
        Tracker.current().increment("odds_synced", 3);
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> future.set("odds synced"));
        return future;
    }

    /** Not followed: the weaver says so, and the run measures the call. */
    @TrackedBatch(type = "plain_future")
    static Future<String> plainFuture(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("future");
        return CompletableFuture.completedFuture("later");
    }

    private static void id(String name) {
        System.out.println("track." + name + ".id=" + Tracker.current().runId().map(Object::toString).orElse("none"));
    }
}
