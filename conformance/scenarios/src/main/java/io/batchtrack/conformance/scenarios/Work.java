package io.batchtrack.conformance.scenarios;

import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.Tracker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** The bodies of the jobs, shared by both implementations of {@link Jobs}. */
final class Work {
    private Work() {}

    static Report success() {
        Out.current("success");
        Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
        Tracker.current().increment(Metrics.API_CALLS_MADE, 3);
        Tracker.current().increment("rows_copied", 5);
        return Report.created("success", 16);
    }

    static Report partial() {
        Out.current("partial");
        Tracker.current().increment(Metrics.GAME_LOGS_ADDED, 40);
        Tracker.current().increment(Metrics.PREDICTIONS_GENERATED, 12);
        Tracker.current().warn("game_logs", "Skipped 3 players not in database");
        return Report.created("partial", 40);
    }

    static void failedChecked(IOException failure) throws IOException {
        Out.current("failed_checked");
        Tracker.current().increment(Metrics.GAMES_PROCESSED, 7);
        throw failure;
    }

    static void failedAfterWarning(IllegalStateException failure) {
        Out.current("failed_after_warning");
        Tracker.current().warn("odds", "sportsbook answered 503 twice");
        throw failure;
    }

    static void voidReturn(List<String> sink) {
        Out.current("void_return");
        Tracker.current().increment(Metrics.ODDS_SYNCED, 2);
        sink.add("touched");
    }

    static long primitiveReturn(int games, double share) {
        Out.current("primitive_return");
        Tracker.current().increment(Metrics.PREDICTIONS_SKIPPED, games);
        return Math.round(games * share);
    }

    static <T extends Comparable<? super T>> List<T> genericReturn(List<T> items) {
        Out.current("generic_return");
        List<T> sorted = new ArrayList<>(items);
        Collections.sort(sorted);
        Tracker.current().increment(Metrics.GAMES_PROCESSED, sorted.size());
        return sorted;
    }

    static CompletableFuture<String> asyncSuccess(CompletableFuture<String> pending) {
        Out.current("async_success");
        Tracker.current().increment(Metrics.ODDS_SYNCED, 9);
        return pending;
    }

    static <T> CompletableFuture<T> asyncFailure(CompletableFuture<T> pending) {
        Out.current("async_failure");
        Tracker.current().increment(Metrics.API_CALLS_MADE, 1);
        return pending;
    }

    static Flow.Publisher<String> publisherSuccess(List<String> items) {
        Out.current("publisher_success");
        Tracker.current().increment(Metrics.ODDS_SYNCED, items.size());
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private int next;
            private boolean done;

            @Override
            public void request(long n) { // called by its subscriber only, one call at a time
                for (long i = 0; i < n && next < items.size(); i++) {
                    subscriber.onNext(items.get(next++));
                }
                if (next == items.size() && !done) {
                    done = true;
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
    }

    static Flow.Publisher<String> publisherFailure(IllegalStateException failure) {
        Out.current("publisher_failure");
        Tracker.current().increment(Metrics.API_CALLS_MADE, 1);
        return subscriber -> {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            subscriber.onError(failure);
        };
    }

    static CompletableFuture<String> asyncThrow(IllegalStateException failure) {
        Out.current("async_throw");
        throw failure;
    }

    static String nestedOuter(Jobs jobs, Period period) {
        Out.current("nested_outer");
        Tracker outer = Tracker.current();
        outer.increment(Metrics.GAMES_PROCESSED, 1);
        String inner = jobs.nestedInner(period);
        Out.p("nested.inner_had_a_run_of_its_own", !inner.equals("none") && !inner.equals(Out.id(outer)));
        Out.p("nested.outer_is_current_again", Out.id(Tracker.current()).equals(Out.id(outer)));
        Tracker.current().increment(Metrics.GAMES_PROCESSED, 1);
        return "outer done";
    }

    static String nestedInner() {
        Out.current("nested_inner");
        Tracker.current().increment(Metrics.GAME_LOGS_ADDED, 8);
        return Out.id(Tracker.current());
    }

    static String storeDown() {
        Out.current("store_down");
        Out.p("store_down.tracker_active_inside", Tracker.current().isActive());
        Tracker.current().increment(Metrics.GAMES_PROCESSED, 2);
        return "ran without its store";
    }

    static String badMetric() {
        Out.current("bad_metric");
        Tracker.current().increment(Metrics.GAMES_PROCESSED, 4);
        try {
            Tracker.current().increment(Scenarios.BAD_METRIC_NAME, 1);
            return "accepted";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static Integer bridged(Period period) {
        Out.current("bridged");
        Tracker.current().increment(Metrics.ERRORS_ENCOUNTERED, 1);
        return period.week() * 2;
    }
}
