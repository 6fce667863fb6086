package io.batchtrack.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTypes;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.Trigger;
import io.batchtrack.internal.JsonReader;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.testing.RunStoreContract;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code store=log} keeps the contract of a store that writes a run once it ended: its runs are
 * its lines (a repeated end prints the same line again; the last line of a run stands for it).
 */
class LogRunStoreContractTest extends RunStoreContract {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final LogRunStore store = new LogRunStore(new PrintStream(out, true, StandardCharsets.UTF_8));

    @Override
    protected RunStore store() {
        return store;
    }

    @Override
    protected List<RunRecord> stored() {
        Map<UUID, RunRecord> last = new LinkedHashMap<>();
        for (String line : lines()) {
            RunRecord r = RunRecordJson.read((Map<?, ?>) JsonReader.parse(line), "batchtrack_run");
            last.put(r.id(), r);
        }
        return new ArrayList<>(last.values());
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    protected boolean holdsRunningRuns() {
        return false;
    }

    @Override
    protected boolean guardsExclusiveRuns() {
        return false;
    }

    @Override
    protected boolean sweepsAbandonedRuns() {
        return false;
    }

    @Test
    void each_end_is_one_line_with_every_field_named_by_the_columns_of_batch_runs() {
        Instant t = Instant.parse("2025-12-30T15:00:00Z");
        RunRecord failed = RunRecord.started(UUID.randomUUID(), null, RunSpec.of(BatchTypes.WEEKLY_UPDATE,
                Period.regular(2025, 17)).withTrigger(Trigger.GITHUB_ACTIONS), t, "7@host", Duration.ofSeconds(90))
                .ended(RunStatus.FAILED, t.plusSeconds(1), new RunFailure("java.lang.IllegalStateException", "boom",
                        "java.lang.IllegalStateException: boom\n\tat x.y\n"));

        store.runFinished(failed);
        store.runFinished(failed.withSpec(failed.spec().withTrigger(null))); // a record that came without a trigger

        assertThat(lines()).hasSize(2).first().satisfies(line -> assertThat(line).startsWith("{\"batchtrack_run\":\"")
                .contains("\"batch_type\":\"weekly_update\"", "\"triggered_by\":\"github_actions\"",
                        "\"status\":\"failed\"", "\"error_type\":\"java.lang.IllegalStateException\"",
                        "\"error_stack\":\"java.lang.IllegalStateException: boom\\n\\tat x.y\\n\"",
                        "\"host\":\"7@host\"", "\"stale_limit_ms\":90000", "\"custom_metrics_dropped\":0"));
        assertThat(lines().get(1)).contains("\"triggered_by\":null");
    }
}
