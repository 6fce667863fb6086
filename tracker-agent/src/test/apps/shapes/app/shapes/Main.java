package app.shapes;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Calls every tracked shape once and prints what each returned or threw. Run with and without the
 * agent: the plain lines must be identical; the track.* lines show what tracking looked like inside.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        Out.t("before_any.current", Out.run());
        Kinds k = new Kinds();
        Out.p("static_method.result", Kinds.add(20, 22));
        Out.p("instance_method.result", k.greet("week 17"));
        Out.p("private_method.result", k.callSecret(14));
        Out.p("final_method.result", k.half(5.0));
        StringBuilder sink = new StringBuilder();
        Kinds.nothing(sink);
        Out.p("void_method.result", sink);
        Out.p("primitives.result", Kinds.mix((byte) 1, (short) 2, 'a', 4, 5L, 6.5f, 7.25, true));
        Out.p("char_result.result", Kinds.next('x'));
        Out.p("boolean_result.result", Kinds.not(false));
        Out.p("arrays.result", Arrays.toString(Kinds.doubled(1, 2, 3)));
        Out.p("array_2d.result", Arrays.deepToString(Kinds.transpose(new String[][] {{"a", "b"}, {"c", "d"}})));
        Out.p("generic_method.result", Kinds.sorted(Arrays.asList("week", "game", "odds")));
        Out.p("null_result.result", Kinds.nothingFound());
        Out.p("counters.result", Kinds.counters(2025, 17));
        Out.p("warnings.result", Kinds.warnings(2024L, Integer.valueOf(2), "post", "odds_only"));
        Out.t("after_runs.current", Out.run());

        Out.p("abstract_class_method.result", new Jobs.Concrete().runTemplate());
        new Jobs.Concrete().annotatedButAbstract();
        Out.p("default_method.result", new Jobs.NamedJob().describe());
        Out.p("interface_static_method.result", Jobs.Job.version());
        Callable<Integer> bridged = new Jobs.Counted();
        Out.p("bridged.result", bridged.call());

        IOException checked = new IOException("schedule feed down");
        try {
            Failures.checked(checked);
            Out.p("checked_failure.result", "returned");
        } catch (IOException e) {
            Out.p("checked_failure.same_instance", e == checked);
            Out.p("checked_failure.suppressed", e.getSuppressed().length);
        }
        IllegalArgumentException unchecked = new IllegalArgumentException("bad week");
        try {
            new Failures().unchecked(unchecked);
            Out.p("unchecked_failure.result", "returned");
        } catch (IllegalArgumentException e) {
            Out.p("unchecked_failure.same_instance", e == unchecked);
        }
        Failures.Fatal fatal = new Failures.Fatal("out of disk");
        try {
            Failures.error(fatal);
            Out.p("error_failure.result", "returned");
        } catch (Failures.Fatal e) {
            Out.p("error_failure.same_instance", e == fatal);
        }
        IllegalStateException afterWarning = new IllegalStateException("odds feed gone");
        try {
            Failures.failsAfterWarning(afterWarning);
        } catch (IllegalStateException e) {
            Out.p("failure_after_warning.same_instance", e == afterWarning);
        }
        Out.t("after_failures.current", Out.run());

        Out.p("outer.result", Nesting.outer());
        Out.t("after_nesting.current", Out.run());

        CompletableFuture<String> pending = new CompletableFuture<String>();
        CompletableFuture<String> returned = Async.later(pending);
        Out.p("async_success.same_future", returned == pending);
        Out.t("async_success.current_after_return", Out.run());
        // completing on this thread runs the run's completion here, before complete() returns
        pending.complete("odds synced");
        Out.p("async_success.result", returned.join());

        CompletableFuture<Integer> failingFuture = new CompletableFuture<Integer>();
        CompletionStage<Integer> stage = Async.failing(failingFuture);
        UnsupportedOperationException asyncFailure = new UnsupportedOperationException("sportsbook closed");
        failingFuture.completeExceptionally(asyncFailure);
        try {
            stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            Out.p("async_failure.same_instance", e.getCause() == asyncFailure);
        }
        IllegalStateException atOnce = new IllegalStateException("no odds");
        try {
            Async.throwsAtOnce(atOnce);
        } catch (IllegalStateException e) {
            Out.p("async_sync_throw.same_instance", e == atOnce);
        }

        // classes the test generates, absent from the plain build: optional
        for (String generated : new String[] {"app.shapes.gen.AnnotatedConstructor", "app.shapes.gen.Java6Job"}) {
            try {
                Object o = Class.forName(generated).getConstructor().newInstance();
                Out.p(generated + ".result", o.toString());
            } catch (ClassNotFoundException e) {
                Out.p(generated + ".result", "absent");
            }
        }
        Out.t("at_end.current", Out.run());
        Out.p("done", true);
    }
}
