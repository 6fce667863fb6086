package app.shapes;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Methods whose declared return type is asynchronous: their runs end when the result completes. */
final class Async {
    private Async() {}

    @TrackedBatch(type = "async_success")
    static CompletableFuture<String> later(CompletableFuture<String> pending) {
        Out.t("async_success.inside", Out.run());
        Tracker.current().increment("odds_synced", 9);
        return pending;
    }

    @TrackedBatch(type = "async_failure")
    static CompletionStage<Integer> failing(CompletableFuture<Integer> pending) {
        return pending;
    }

    @TrackedBatch(type = "async_sync_throw")
    static CompletableFuture<String> throwsAtOnce(IllegalStateException e) {
        throw e;
    }
}
