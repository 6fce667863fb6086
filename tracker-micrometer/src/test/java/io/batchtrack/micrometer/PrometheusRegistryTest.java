package io.batchtrack.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.testing.InMemoryRunStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes from a {@link PrometheusMeterRegistry} the listener records into. */
class PrometheusRegistryTest {

    @Test
    void runsTheirCountersAndActiveRunsAreScrapedUnderPrometheusNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RunSpec weekly = RunSpec.of("weekly_update", Period.regular(2026, 13)).withMode("full");
        try (BatchTracking tracking = BatchTracking.builder().store(new InMemoryRunStore())
                .listener(MicrometerRunListener.create(registry)).build()) {
            tracking.run(weekly, () -> Tracker.current().increment(Metrics.GAMES_PROCESSED, 16));
            tracking.run(RunSpec.of("roster_refresh", Period.regular(2026, 13)), () -> {
                Tracker.current().increment("players_onboarded", 12);
            });
            String scrape;
            try (BatchTracker open = tracking.start(weekly)) {
                scrape = registry.scrape();
                open.complete();
            }

            assertThat(scrape).contains("# TYPE batchtrack_run_seconds summary")
                    .contains("batchtrack_run_seconds_count{batch_mode=\"full\",batch_type=\"weekly_update\","
                            + "status=\"success\"} 1")
                    .contains("batchtrack_run_seconds_count{batch_mode=\"\",batch_type=\"roster_refresh\","
                            + "status=\"success\"} 1")
                    .contains("batchtrack_run_metric_total{batch_type=\"weekly_update\",metric=\"games_processed\"} 16.0")
                    .contains("batchtrack_run_metric_total{batch_type=\"roster_refresh\",metric=\"players_onboarded\"} 12.0")
                    // a long-task timer: _count is the runs in progress
                    .contains("batchtrack_run_active_seconds_count{batch_mode=\"full\",batch_type=\"weekly_update\"} 1");
            assertThat(registry.scrape()).contains("batchtrack_run_active_seconds_count{batch_mode=\"full\","
                    + "batch_type=\"weekly_update\"} 0");
        }
    }
}
