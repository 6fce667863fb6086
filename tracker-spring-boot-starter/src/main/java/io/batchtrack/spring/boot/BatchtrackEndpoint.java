package io.batchtrack.spring.boot;

import io.batchtrack.BatchTracking;
import io.batchtrack.internal.JsonReader;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.jdbi.RunFilter;
import io.batchtrack.status.RowJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/batchtrack}: the latest runs (newest first, as rows of {@code batch_runs} with the
 * field names of the status endpoints) and the current NFL week's readiness, with the engine's spool
 * and loss figures. A database that does not answer is said in {@code error}, never a 500.
 */
@Endpoint(id = "batchtrack")
public final class BatchtrackEndpoint {
    /** Runs listed: the status page's runs per type, enough for a glance. */
    static final int LATEST_RUNS = 20;

    private final BatchTracking tracking;

    BatchtrackEndpoint(BatchTracking tracking) {
        this.tracking = tracking;
    }

    @ReadOperation
    public Map<String, Object> batchtrack() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("store", tracking.store().destination().orElse(String.valueOf(tracking.store())));
        answer.put("spool_pending", tracking.spoolHasPending());
        if (!(tracking.store() instanceof PostgresRunStore postgres)) {
            answer.put("latest_runs", List.of());
            return answer;
        }
        try {
            BatchRunQueries queries = postgres.queries();
            answer.put("current_week", queries.currentWeek().toString());
            answer.put("readiness", queries.currentReadiness().map(r -> JsonReader.parse(RowJson.readiness(r)))
                    .orElse(null));
            answer.put("latest_runs", queries.history(RunFilter.newest(LATEST_RUNS)).stream()
                    .map(r -> JsonReader.parse(RowJson.run(r))).toList());
        } catch (RuntimeException | LinkageError e) { // as the health indicator: the endpoint answers why
            answer.put("error", "the batchtrack database did not answer: " + Log.describe(e));
        }
        return answer;
    }
}
