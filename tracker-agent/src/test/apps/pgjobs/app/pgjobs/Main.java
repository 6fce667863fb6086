package app.pgjobs;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Batches of every outcome, each on a week of its own: success, partial, failed, nested, and
 * asynchronous results that complete on another thread. Prints each run's id as {@code track.NAME.id}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        System.out.println("weekly.result=" + weekly(2024, 1));
        System.out.println("odds.result=" + oddsOnly(2024, 2));
        try {
            failing(2024, 1);
        } catch (IllegalStateException e) {
            System.out.println("failing.threw=" + e.getMessage());
        }
        System.out.println("outer.result=" + outer(2024, 4));

        CompletableFuture<String> odds = new CompletableFuture<String>();
        CompletableFuture<String> returned = asyncOdds(2024, 5, odds);
        Thread worker = completeElsewhere(odds, "odds synced", null);
        System.out.println("async.result=" + returned.get(1, TimeUnit.MINUTES));
        worker.join(); // the run ends on the worker thread, in complete(): wait for it before the JVM may exit

        CompletableFuture<String> broken = new CompletableFuture<String>();
        CompletableFuture<String> failed = asyncFailure(2024, 6, broken);
        worker = completeElsewhere(broken, null, new UnsupportedOperationException("sportsbook closed"));
        try {
            failed.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            System.out.println("async_failure.threw=" + e.getCause().getMessage());
        }
        worker.join();
        String statusUrl = System.getProperty("pgjobs.status-url");
        if (statusUrl != null) {
            // the agent's status.port: the page of these very runs, served from this JVM
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(statusUrl)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            System.out.println("status.code=" + response.statusCode());
            System.out.println("status.body=" + response.body().replace('\n', ' '));
            java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(statusUrl).resolve("/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            System.out.println("page.code=" + page.statusCode());
            System.out.println("page.body=" + page.body().replace('\n', ' '));
        }
        System.out.println("done=true");
    }

    @TrackedBatch(type = "weekly_update", mode = "full")
    static int weekly(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("weekly");
        Tracker.current().increment("games_processed", 16);
        Tracker.current().increment("api_calls_made", 3);
        Tracker.current().increment("rows_checked", 5);
        return 16;
    }

    @TrackedBatch(type = "weekly_update", mode = "odds_only")
    static int oddsOnly(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("odds");
        Tracker.current().increment("odds_synced", 14);
        Tracker.current().warn("odds", "No odds for 2 of 16 games: \"KC@BAL\", PHI@GB");
        return 14;
    }

    /** Fails after a success of the same week: the week's readiness must stay what the success made it. */
    @TrackedBatch(type = "weekly_update", mode = "full")
    static void failing(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("failing");
        Tracker.current().increment("games_processed", 99);
        Tracker.current().increment("game_logs_added", 7);
        Tracker.current().increment("errors_encountered");
        throw new IllegalStateException("odds API unavailable: HTTP 503");
    }

    @TrackedBatch(type = "prediction_generation")
    static String outer(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("outer");
        Tracker.current().increment("predictions_generated", 16);
        inner(season, week);
        System.out.println("track.outer.after_inner=" + current());
        return "outer done";
    }

    @TrackedBatch(type = "roster_refresh")
    static void inner(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        id("inner");
        Tracker.current().increment("players_onboarded", 6);
    }

    @TrackedBatch(type = "async_odds", mode = "odds_only")
    static CompletableFuture<String> asyncOdds(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week,
            CompletableFuture<String> pending) {
        id("async");
        Tracker.current().increment("odds_synced", 9);
        return pending;
    }

    @TrackedBatch(type = "async_odds", mode = "odds_only")
    static CompletableFuture<String> asyncFailure(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week,
            CompletableFuture<String> pending) {
        id("async_failure");
        return pending;
    }

    /** Completes the future on a thread of its own (after the tracked method has returned it). */
    private static Thread completeElsewhere(final CompletableFuture<String> future, final String value, final Throwable failure) {
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                if (failure == null) {
                    future.complete(value);
                } else {
                    future.completeExceptionally(failure);
                }
            }
        }, "completer");
        t.start();
        return t;
    }

    private static void id(String name) {
        System.out.println("track." + name + ".id=" + current());
    }

    private static String current() {
        return Tracker.current().runId().map(Object::toString).orElse("none");
    }
}
