package io.batchtrack.conformance.scenarios;

import io.batchtrack.Period;
import io.batchtrack.TrackedBatch;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** The jobs as an application writes them for weaving: annotated, with no tracking code of their own. */
final class TrackedJobs implements Jobs {

    @Override
    @TrackedBatch(type = "success", mode = "full")
    public Report success(@TrackedBatch.SeasonYear int seasonYear, @TrackedBatch.Week int week) {
        return Work.success();
    }

    @Override
    @TrackedBatch(type = "partial")
    public Report partial(Period period, @TrackedBatch.Mode String mode) {
        return Work.partial();
    }

    @Override
    @TrackedBatch(type = "failed_checked")
    public void failedChecked(Period period, IOException failure) throws IOException {
        Work.failedChecked(failure);
    }

    @Override
    @TrackedBatch(type = "failed_after_warning")
    public void failedAfterWarning(Period period, IllegalStateException failure) {
        Work.failedAfterWarning(failure);
    }

    @Override
    @TrackedBatch(type = "void_return")
    public void voidReturn(Period period, List<String> sink) {
        Work.voidReturn(sink);
    }

    @Override
    @TrackedBatch(type = "primitive_return")
    public long primitiveReturn(Period period, int games, double share) {
        return Work.primitiveReturn(games, share);
    }

    @Override
    @TrackedBatch(type = "generic_return")
    public <T extends Comparable<? super T>> List<T> genericReturn(Period period, List<T> items) {
        return Work.genericReturn(items);
    }

    @Override
    @TrackedBatch(type = "async_success")
    public CompletableFuture<String> asyncSuccess(Period period, CompletableFuture<String> pending) {
        return Work.asyncSuccess(pending);
    }

    @Override
    @TrackedBatch(type = "async_failure")
    public CompletionStage<Integer> asyncFailure(Period period, CompletableFuture<Integer> pending) {
        return Work.asyncFailure(pending);
    }

    @Override
    @TrackedBatch(type = "async_throw")
    public CompletableFuture<String> asyncThrow(Period period, IllegalStateException failure) {
        return Work.asyncThrow(failure);
    }

    @Override
    @TrackedBatch(type = "publisher_success")
    public Flow.Publisher<String> publisherSuccess(Period period, List<String> items) {
        return Work.publisherSuccess(items);
    }

    @Override
    @TrackedBatch(type = "publisher_failure")
    public Flow.Publisher<String> publisherFailure(Period period, IllegalStateException failure) {
        return Work.publisherFailure(failure);
    }

    @Override
    @TrackedBatch(type = "nested_outer")
    public String nestedOuter(Period period) {
        return Work.nestedOuter(this, period);
    }

    @Override
    @TrackedBatch(type = "nested_inner")
    public String nestedInner(Period period) {
        return Work.nestedInner();
    }

    @Override
    @TrackedBatch(type = "store_down")
    public String storeDown(Period period) {
        return Work.storeDown();
    }

    @Override
    @TrackedBatch(type = "bad_metric")
    public String badMetric(Period period) {
        return Work.badMetric();
    }

    @Override
    public Step<Period, Integer> bridged() {
        return new BridgedStep();
    }

    /** javac copies {@code @TrackedBatch} onto the bridge {@code Object run(Object)}; one call must still be one run. */
    static final class BridgedStep implements Step<Period, Integer> {
        @Override
        @TrackedBatch(type = "bridged")
        public Integer run(Period period) {
            return Work.bridged(period);
        }
    }
}
