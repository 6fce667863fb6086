package io.batchtrack.jdbi;

import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Trigger;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.testing.RunStoreContract;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL store keeps the contract of every RunStore; what it holds is read back from {@code batch_runs}. */
@ExtendWith(PostgresExtension.class)
class PostgresRunStoreContractTest extends RunStoreContract {
    private final PostgresRunStore store;

    PostgresRunStoreContractTest(PostgresDatabase db) {
        this.store = PostgresRunStore.builder(db.dataSource()).build();
        store.ensureReady();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected RunStore store() {
        return store;
    }

    @Override
    protected List<RunRecord> stored() {
        return store.queries().history(RunFilter.newest(1_000)).stream().map(PostgresRunStoreContractTest::record)
                .toList();
    }

    /** A row as the record it was written from. */
    private static RunRecord record(BatchRun row) {
        Map<String, Long> metrics = new TreeMap<>(row.customMetrics());
        for (String name : io.batchtrack.Metrics.STANDARD) {
            if (row.metric(name) != 0) {
                metrics.put(name, row.metric(name));
            }
        }
        RunSpec spec = new RunSpec(row.batchType(), row.batchMode(), new Period(row.seasonYear(), row.week(),
                row.seasonType()), Trigger.of(row.triggeredBy()), row.exclusive());
        return new RunRecord(row.id(), row.parentRunId(), spec, row.status(), row.startedAt(), row.completedAt(), metrics,
                row.warnings(), row.warningsDropped(), row.customMetricsDropped(),
                row.errorType() == null ? null : new RunFailure(row.errorType(), row.errorMessage(), row.errorStack()),
                row.host(), row.staleLimitMs() == null ? null : Duration.ofMillis(row.staleLimitMs()));
    }
}
