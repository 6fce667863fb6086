package io.batchtrack.conformance.scenarios;

import io.batchtrack.BatchTracking;
import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import io.batchtrack.Tracker;
import io.batchtrack.config.TrackerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Runs every scenario once and prints what it observed, one {@code key=value} line each. The program
 * checks identity itself (the caller receives the very object or exception the body produced), since
 * only it can. Every front door runs this same program: {@code programmatic} calls the jobs that wrap
 * themselves in {@code BatchTracker}; {@code tracked} calls the annotated jobs, which are tracked only
 * if something wove them (the Java agent, ajc, or AspectJ's load-time weaver).
 *
 * <pre>
 * java -cp ... io.batchtrack.conformance.scenarios.Scenarios tracked|programmatic
 * </pre>
 *
 * Exits with status 1, after printing the exception, if anything unexpected escapes a scenario.
 */
public final class Scenarios {
    /** A metric name that breaks the naming rule. */
    static final String BAD_METRIC_NAME = "Games Processed";
    /** The season every scenario works on; each scenario has a week of its own. */
    static final int SEASON = 2025;

    private Scenarios() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !(args[0].equals("tracked") || args[0].equals("programmatic"))) {
            System.err.println("usage: Scenarios tracked|programmatic");
            System.exit(2);
        }
        Jobs jobs = args[0].equals("tracked") ? new TrackedJobs() : new ProgrammaticJobs();
        try {
            outsideAnyRun("before");
            results(jobs);
            failures(jobs);
            returnShapes(jobs);
            asynchronous(jobs);
            nesting(jobs);
            badMetric(jobs);
            storeDown(jobs);
            outsideAnyRun("after");
            Out.p("done", true);
        } catch (Throwable t) {
            System.out.println("unexpected=" + t);
            t.printStackTrace();
            System.exit(1);
        }
    }

    static Period week(int week) {
        return Period.of(SEASON, week, SeasonType.REG);
    }

    /** Tracker.current() outside a run: inactive, and it accepts and forgets what it is given. */
    private static void outsideAnyRun(String when) {
        Tracker t = Tracker.current();
        t.increment("games_processed", 5);
        t.warn("outside", "nobody records this");
        Out.p("no_run." + when + ".active", t.isActive());
        Out.p("no_run." + when + ".run_id", t.runId().isPresent() ? "present" : "empty");
        Out.p("no_run." + when + ".spec", t.spec().isPresent() ? "present" : "empty");
    }

    private static void results(Jobs jobs) {
        Report success = jobs.success(SEASON, 1);
        Out.p("success.result", success);
        Out.p("success.same_instance", success == Report.last());

        Report partial = jobs.partial(week(2), "odds_only");
        Out.p("partial.result", partial);
        Out.p("partial.same_instance", partial == Report.last());
    }

    private static void failures(Jobs jobs) {
        IOException checked = new IOException("schedule feed down");
        try {
            jobs.failedChecked(week(3), checked);
            Out.p("failed_checked.thrown", "nothing");
        } catch (IOException e) {
            Out.p("failed_checked.thrown", e);
            Out.p("failed_checked.same_instance", e == checked);
            Out.p("failed_checked.suppressed", e.getSuppressed().length);
        }
        IllegalStateException unchecked = new IllegalStateException("odds feed gone");
        try {
            jobs.failedAfterWarning(week(4), unchecked);
            Out.p("failed_after_warning.thrown", "nothing");
        } catch (IllegalStateException e) {
            Out.p("failed_after_warning.thrown", e);
            Out.p("failed_after_warning.same_instance", e == unchecked);
            Out.p("failed_after_warning.suppressed", e.getSuppressed().length);
        }
    }

    private static void returnShapes(Jobs jobs) {
        List<String> sink = new ArrayList<>();
        jobs.voidReturn(week(5), sink);
        Out.p("void_return.sink", sink);

        long rounded = jobs.primitiveReturn(week(6), 16, 2.75);
        Out.p("primitive_return.result", rounded);

        List<String> items = Arrays.asList("week", "game", "odds");
        List<String> sorted = jobs.genericReturn(week(7), items);
        Out.p("generic_return.result", sorted);
        Out.p("generic_return.input_untouched", items);

        Jobs.Step<Period, Integer> step = jobs.bridged();
        Out.p("bridged.result", step.run(week(15)));
    }

    private static void asynchronous(Jobs jobs) {
        CompletableFuture<String> pending = new CompletableFuture<>();
        CompletableFuture<String> returned = jobs.asyncSuccess(week(8), pending);
        Out.p("async_success.same_future", returned == pending);
        Out.p("async_success.current_after_return", Tracker.current().isActive());
        // completed here, on this thread: the run ends inside complete(), before it returns
        pending.complete("odds synced");
        Out.p("async_success.result", returned.join());

        CompletableFuture<Integer> failing = new CompletableFuture<>();
        CompletionStage<Integer> stage = jobs.asyncFailure(week(9), failing);
        Out.p("async_failure.same_future", stage == failing);
        UnsupportedOperationException asyncFailure = new UnsupportedOperationException("sportsbook closed");
        failing.completeExceptionally(asyncFailure);
        try {
            stage.toCompletableFuture().join();
            Out.p("async_failure.thrown", "nothing");
        } catch (CompletionException e) {
            Out.p("async_failure.thrown", e.getCause());
            Out.p("async_failure.same_instance", e.getCause() == asyncFailure);
        }

        IllegalStateException atOnce = new IllegalStateException("no odds today");
        try {
            jobs.asyncThrow(week(14), atOnce);
            Out.p("async_throw.thrown", "nothing");
        } catch (IllegalStateException e) {
            Out.p("async_throw.thrown", e);
            Out.p("async_throw.same_instance", e == atOnce);
        }
        Out.p("async.current_after_all", Tracker.current().isActive());
        publishers(jobs);
    }

    /** Flow.Publisher results: each run ends at its subscriber's terminal signal, which arrives in subscribe(). */
    private static void publishers(Jobs jobs) {
        Flow.Publisher<String> odds = jobs.publisherSuccess(week(16), List.of("KC@BAL", "PHI@GB"));
        Out.p("publisher_success.current_after_return", Tracker.current().isActive());
        Collected received = new Collected();
        odds.subscribe(received);
        Out.p("publisher_success.items", received.items);
        Out.p("publisher_success.completed", received.completed);

        IllegalStateException feedDown = new IllegalStateException("feed down");
        Collected failed = new Collected();
        jobs.publisherFailure(week(17), feedDown).subscribe(failed);
        Out.p("publisher_failure.same_instance", failed.failure == feedDown);
        Out.p("publisher.current_after_all", Tracker.current().isActive());
    }

    /** A subscriber that asks for everything and keeps what it received. */
    private static final class Collected implements Flow.Subscriber<String> {
        final List<String> items = new java.util.ArrayList<>();
        boolean completed;
        Throwable failure;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String item) {
            items.add(item);
        }

        @Override
        public void onError(Throwable t) {
            failure = t;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }

    private static void nesting(Jobs jobs) {
        Out.p("nested.result", jobs.nestedOuter(week(10)));
        Out.p("nested.current_after", Tracker.current().isActive());
    }

    private static void badMetric(Jobs jobs) {
        String inside = jobs.badMetric(week(12));
        String outside;
        try {
            Tracker.current().increment(BAD_METRIC_NAME, 1);
            outside = "accepted";
        } catch (IllegalArgumentException e) {
            outside = e.getMessage();
        }
        Out.p("bad_metric.inside_a_run", inside);
        Out.p("bad_metric.outside_a_run", outside);
    }

    /**
     * The store cannot be reached (nothing listens on the port) under on-store-failure=continue: the job
     * runs and returns as if untracked. The engine is swapped for this one scenario, the way an
     * application configures it, and the previous one restored.
     */
    private static void storeDown(Jobs jobs) throws IOException {
        BatchTracking previous = BatchTracking.global();
        BatchTracking unreachable = BatchTracking.fromConfig(TrackerConfig.of(Map.of(
                "store", "jdbc",
                "jdbc.url", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/nowhere",
                "jdbc.connection-timeout-ms", "250",
                "spool.dir", "none", // this scenario is about the batch going on, not about the spool
                "on-store-failure", "continue")));
        BatchTracking.setGlobal(unreachable);
        try {
            Out.p("store_down.result", jobs.storeDown(week(11)));
        } finally {
            BatchTracking.setGlobal(previous);
            unreachable.close();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
