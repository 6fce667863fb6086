package app.rxjava;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Batches that return RxJava 3's Flowable (RxJavaReturnsIT), each on a week of its own: one that
 * errors after a delay, one whose operators count on RxJava's computation scheduler, one the caller
 * cancels. Prints what the caller saw and each run's id as {@code track.NAME.id}.
 */
public final class Main {
    private static final IllegalStateException FEED_DOWN = new IllegalStateException("feed down");

    private Main() {}

    public static void main(String[] args) {
        try {
            failing(2024, 1).blockingSubscribe();
            System.out.println("failing.threw=nothing");
        } catch (IllegalStateException e) {
            System.out.println("failing.threw=" + e.getMessage() + " same=" + (e == FEED_DOWN));
        }

        Flowable<Integer> counted = counted(2024, 2);
        System.out.println("counted.type=" + (counted instanceof Flowable));
        List<Integer> items = counted.toList().blockingGet();
        // the parallel rails merge in no fixed order: the sum shows every item arrived once
        System.out.println("counted.items=" + items.size() + " sum=" + items.stream().mapToInt(Integer::intValue).sum());
        System.out.println("counted.again=" + counted.toList().blockingGet().size()); // no run of its own

        System.out.println("cancelled.taken=" + cancelled(2024, 3).take(3).toList().blockingGet());
        System.out.println("done=true");
    }

    @TrackedBatch(type = "rxjava_failing")
    static Flowable<String> failing(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("failing");
        return Flowable.timer(200, TimeUnit.MILLISECONDS, Schedulers.computation())
                .flatMap(tick -> Flowable.<String>error(FEED_DOWN));
    }

    /** 1,000 items on four rails of the computation scheduler, then observed on it again: every count lands. */
    @TrackedBatch(type = "rxjava_counted")
    static Flowable<Integer> counted(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("counted");
        return Flowable.range(1, 1000).parallel(4).runOn(Schedulers.computation())
                .doOnNext(i -> Tracker.current().increment("games_processed", 1)).sequential()
                .observeOn(Schedulers.computation())
                .doOnNext(i -> Tracker.current().increment("odds_synced", 1))
                .doOnComplete(() -> System.out.println("counted.complete.thread=" + Thread.currentThread().getName()));
    }

    @TrackedBatch(type = "rxjava_cancelled")
    static Flowable<Long> cancelled(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("cancelled");
        return Flowable.interval(5, TimeUnit.MILLISECONDS, Schedulers.computation());
    }

    private static void id(String name) {
        System.out.println("track." + name + ".id=" + Tracker.current().runId().map(Object::toString).orElse("none"));
    }
}
