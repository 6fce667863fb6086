package io.batchtrack.examples.spring;

import io.batchtrack.Metrics;
import io.batchtrack.TrackedBatch;
import io.batchtrack.Tracker;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A scheduled batch that is a plain bean method: {@code @TrackedBatch} on it, and the starter's
 * Spring AOP advisor records every scheduled call as a {@code prediction_generation} run for the
 * current NFL week. (A call from inside this bean, {@code this.generate()}, would bypass the proxy
 * and run untracked; the agent tracks those too.)
 */
@Component
public class PredictionRefresh {
    static final int PREDICTIONS = 16;

    @Scheduled(fixedDelayString = "${example.predictions.every:PT1H}")
    @TrackedBatch(type = "prediction_generation")
    public void generate() {
        Tracker.current().increment(Metrics.PREDICTIONS_GENERATED, PREDICTIONS);
    }
}
