package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracker;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run keeps at most max-warnings warnings and max-custom-metrics metric names, however much a
 * batch emits, and its row says how much it dropped. Heap is measured after full collections, with
 * the run still open (holding everything it keeps): kept without a cap, a million 200-character
 * warnings would retain about 300 MB, against the 64 MB allowed here and well under 1 MB expected.
 */
@ExtendWith(PostgresExtension.class)
class BoundedMemoryTest {
    private static final long ALLOWED = 64L << 20;
    private static final String PAD = "x".repeat(180);

    @Test
    void aMillionWarningsKeepTheHeapBoundedAndTheRowRecordsTheCapAndTheDroppedCount(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        long before = usedHeapAfterGc();
        long retained;
        UUID id;

        try (BatchTracker run = f.tracking.start(WEEKLY_FULL)) {
            for (int i = 0; i < 1_000_000; i++) {
                run.warn("game_logs", "player " + i + " skipped " + PAD); // a new string each time
            }
            retained = usedHeapAfterGc() - before;
            id = run.id();
            run.complete();
        }

        assertThat(retained).as("heap retained by an open run with a million warnings").isLessThan(ALLOWED);
        assertThat(f.row("SELECT status, jsonb_array_length(warnings) AS kept, warnings_dropped,"
                + " warnings -> 999 ->> 'message' AS last_kept FROM batch_runs WHERE id = ?::uuid", id.toString()))
                .containsEntry("status", "partial").containsEntry("kept", 1_000).containsEntry("warnings_dropped", 999_000L)
                .containsEntry("last_kept", "player 999 skipped " + PAD);
        System.out.println("FIGURES bounded-memory warnings=1000000 kept=1000 dropped=999000 retained_bytes=" + retained);
    }

    @Test
    void aRunThatInventsAMillionMetricNamesKeepsTheCapAndCountsWhatItDropped(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        long before = usedHeapAfterGc();
        long retained;
        UUID id;

        try (BatchTracker run = f.tracking.start(WEEKLY_FULL)) {
            for (int i = 0; i < 1_000_000; i++) {
                run.increment("metric_" + i, 1);
            }
            retained = usedHeapAfterGc() - before;
            id = run.id();
            run.complete();
        }

        assertThat(retained).isLessThan(ALLOWED);
        assertThat(f.row("SELECT status, (SELECT count(*) FROM jsonb_object_keys(custom_metrics)) AS names,"
                + " custom_metrics_dropped FROM batch_runs WHERE id = ?::uuid", id.toString()))
                .isEqualTo(Map.of("status", "success", "names", 100L, "custom_metrics_dropped", 999_900L));
        assertThat(f.store.queries().run(id).orElseThrow().customMetricsDropped()).isEqualTo(999_900L);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
