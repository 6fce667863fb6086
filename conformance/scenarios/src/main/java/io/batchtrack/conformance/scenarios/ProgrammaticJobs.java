package io.batchtrack.conformance.scenarios;

import io.batchtrack.BatchTracker;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * The jobs as an application writes them without weaving: each wraps its body in a
 * {@link BatchTracker}, in both forms the API offers (callback and try-with-resources).
 */
final class ProgrammaticJobs implements Jobs {

    @Override
    public Report success(int seasonYear, int week) {
        return BatchTracker.call(RunSpec.of("success", Period.regular(seasonYear, week)).withMode("full"),
                Work::success);
    }

    @Override
    public Report partial(Period period, String mode) {
        try (BatchTracker run = BatchTracker.start(RunSpec.of("partial", period).withMode(mode))) {
            Report report = Work.partial();
            run.complete();
            return report;
        }
    }

    @Override
    public void failedChecked(Period period, IOException failure) throws IOException {
        BatchTracker.run(RunSpec.of("failed_checked", period), () -> Work.failedChecked(failure));
    }

    @Override
    public void failedAfterWarning(Period period, IllegalStateException failure) {
        try (BatchTracker run = BatchTracker.start(RunSpec.of("failed_after_warning", period))) {
            try {
                Work.failedAfterWarning(failure);
            } catch (RuntimeException e) {
                run.fail(e);
                throw e;
            }
            run.complete();
        }
    }

    @Override
    public void voidReturn(Period period, List<String> sink) {
        BatchTracker.run(RunSpec.of("void_return", period), () -> Work.voidReturn(sink));
    }

    @Override
    public long primitiveReturn(Period period, int games, double share) {
        return BatchTracker.call(RunSpec.of("primitive_return", period), () -> Work.primitiveReturn(games, share));
    }

    @Override
    public <T extends Comparable<? super T>> List<T> genericReturn(Period period, List<T> items) {
        return BatchTracker.call(RunSpec.of("generic_return", period), () -> Work.genericReturn(items));
    }

    @Override
    public CompletableFuture<String> asyncSuccess(Period period, CompletableFuture<String> pending) {
        return async(RunSpec.of("async_success", period), () -> Work.asyncSuccess(pending));
    }

    @Override
    public CompletionStage<Integer> asyncFailure(Period period, CompletableFuture<Integer> pending) {
        return async(RunSpec.of("async_failure", period), () -> Work.asyncFailure(pending));
    }

    @Override
    public CompletableFuture<String> asyncThrow(Period period, IllegalStateException failure) {
        return async(RunSpec.of("async_throw", period), () -> Work.asyncThrow(failure));
    }

    /** An asynchronous body: the run stops being current when the body returns, and ends with its future. */
    private static <F extends CompletionStage<?>> F async(RunSpec spec, Supplier<F> body) {
        BatchTracker run = BatchTracker.start(spec);
        F result;
        try {
            result = body.get();
        } catch (RuntimeException | Error e) {
            run.finish(e);
            throw e;
        }
        run.detach();
        result.whenComplete((value, failure) -> run.finish(failure));
        return result;
    }

    @Override
    public Flow.Publisher<String> publisherSuccess(Period period, List<String> items) {
        return publisher(RunSpec.of("publisher_success", period), () -> Work.publisherSuccess(items));
    }

    @Override
    public Flow.Publisher<String> publisherFailure(Period period, IllegalStateException failure) {
        return publisher(RunSpec.of("publisher_failure", period), () -> Work.publisherFailure(failure));
    }

    /** A publisher's body, as a user tracks it by hand: the run ends at its first subscriber's terminal signal. */
    private static Flow.Publisher<String> publisher(RunSpec spec, Supplier<Flow.Publisher<String>> body) {
        BatchTracker run = BatchTracker.start(spec);
        Flow.Publisher<String> result;
        try {
            result = body.get();
        } catch (RuntimeException | Error e) {
            run.finish(e);
            throw e;
        }
        run.detach();
        return subscriber -> result.subscribe(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(String item) {
                subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable failure) {
                run.finish(failure);
                subscriber.onError(failure);
            }

            @Override
            public void onComplete() {
                run.finish(null);
                subscriber.onComplete();
            }
        });
    }

    @Override
    public String nestedOuter(Period period) {
        return BatchTracker.call(RunSpec.of("nested_outer", period), () -> Work.nestedOuter(this, period));
    }

    @Override
    public String nestedInner(Period period) {
        return BatchTracker.call(RunSpec.of("nested_inner", period), Work::nestedInner);
    }

    @Override
    public String storeDown(Period period) {
        return BatchTracker.call(RunSpec.of("store_down", period), Work::storeDown);
    }

    @Override
    public String badMetric(Period period) {
        return BatchTracker.call(RunSpec.of("bad_metric", period), Work::badMetric);
    }

    @Override
    public Step<Period, Integer> bridged() {
        return period -> BatchTracker.call(RunSpec.of("bridged", period), () -> Work.bridged(period));
    }
}
