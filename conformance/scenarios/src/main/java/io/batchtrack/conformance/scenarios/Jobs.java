package io.batchtrack.conformance.scenarios;

import io.batchtrack.Period;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The batch entry points the scenarios call, implemented twice over the same bodies ({@link Work}):
 * {@link TrackedJobs} carries {@code @TrackedBatch} and is tracked only when woven; {@link ProgrammaticJobs}
 * tracks itself with {@code BatchTracker}. Each job is a batch type of its own with a week of its own,
 * so its rows can be found by type and its readiness by week.
 */
public interface Jobs {

    /** {@code success}: counters, no warning; returns the {@link Report} its body created. */
    Report success(int seasonYear, int week);

    /** {@code partial}: a warning, mode from the argument. */
    Report partial(Period period, String mode);

    /** {@code failed_checked}: throws {@code failure}, a checked exception. */
    void failedChecked(Period period, IOException failure) throws IOException;

    /** {@code failed_after_warning}: warns, then throws {@code failure}. */
    void failedAfterWarning(Period period, IllegalStateException failure);

    /** {@code void_return}: appends to {@code sink}. */
    void voidReturn(Period period, List<String> sink);

    /** {@code primitive_return}: a {@code long} computed from primitives. */
    long primitiveReturn(Period period, int games, double share);

    /** {@code generic_return}: the items sorted, in a list its body created. */
    <T extends Comparable<? super T>> List<T> genericReturn(Period period, List<T> items);

    /** {@code async_success}: returns {@code pending}, which the caller completes later. */
    CompletableFuture<String> asyncSuccess(Period period, CompletableFuture<String> pending);

    /** {@code async_failure}: returns {@code pending}, which the caller completes exceptionally. */
    CompletionStage<Integer> asyncFailure(Period period, CompletableFuture<Integer> pending);

    /** {@code async_throw}: declared asynchronous, throws before returning a future. */
    CompletableFuture<String> asyncThrow(Period period, IllegalStateException failure);

    /** {@code publisher_success}: a {@code Flow.Publisher} of {@code items}; its run ends when its subscriber completes. */
    Flow.Publisher<String> publisherSuccess(Period period, List<String> items);

    /** {@code publisher_failure}: a {@code Flow.Publisher} that signals {@code failure} to its subscriber. */
    Flow.Publisher<String> publisherFailure(Period period, IllegalStateException failure);

    /** {@code nested_outer}: calls {@link #nestedInner} through this interface. */
    String nestedOuter(Period period);

    /** {@code nested_inner}. */
    String nestedInner(Period period);

    /** {@code store_down}: called while the store cannot be reached. */
    String storeDown(Period period);

    /** {@code bad_metric}: increments a metric whose name breaks the rule; returns the message. */
    String badMetric(Period period);

    /** A step whose tracked method ({@code bridged}) javac also reaches through a bridge method. */
    Step<Period, Integer> bridged();

    /** A generic interface: implementing it with concrete types makes javac add a bridge method. */
    interface Step<I, O> {
        O run(I input);
    }
}
