package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.RunStatus;
import io.batchtrack.Tracker;
import io.batchtrack.Warning;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Text from batches is data, never SQL or JSON syntax, and PostgreSQL's limits on text never lose a row. */
@ExtendWith(PostgresExtension.class)
class HostileTextTest {
    private static final String INJECTION = "'; DROP TABLE batch_runs; -- \" ) ; select 1 $$ :week ? \\ \\\\";
    private static final String JSON_BREAKERS = "\"}], {\"stage\": \"x\"} \\u0000 \n\r\t \u2028 \u2029 end";

    @Test
    void quotesSemicolonsAndSqlInWarningsAreStoredVerbatim(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        UUID id = f.tracking.call(WEEKLY_FULL, () -> {
            Tracker.current().warn("game_logs", INJECTION);
            Tracker.current().warn("odds'; --", JSON_BREAKERS);
            return Tracker.current().runId().orElseThrow();
        });

        assertThat(f.count("SELECT count(*) FROM batch_runs")).isEqualTo(1);
        assertThat(f.store.queries().run(id).orElseThrow().warnings()).extracting(Warning::stage, Warning::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("game_logs", INJECTION),
                        org.assertj.core.groups.Tuple.tuple("odds'; --", JSON_BREAKERS));
    }

    @Test
    void nulAndLoneSurrogatesBecomeReplacementCharacters(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        UUID id = f.tracking.call(WEEKLY_FULL, () -> {
            Tracker.current().warn("game_logs", "nul\u0000here, lone \uD800 high, lone \uDC00 low, pair \uD83C\uDFC8 ok");
            return Tracker.current().runId().orElseThrow();
        });

        assertThat(f.store.queries().run(id).orElseThrow().warnings().get(0).message())
                .isEqualTo("nul\uFFFDhere, lone \uFFFD high, lone \uFFFD low, pair \uD83C\uDFC8 ok");
    }

    @Test
    void aMegabyteWarningIsTruncatedAndMarked(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        String megabyte = "x".repeat(1 << 20);

        UUID id = f.tracking.call(WEEKLY_FULL, () -> {
            Tracker.current().warn("game_logs", megabyte);
            return Tracker.current().runId().orElseThrow();
        });

        String stored = f.store.queries().run(id).orElseThrow().warnings().get(0).message();
        assertThat(stored).startsWith("xxxx").endsWith("[truncated, 1048576 chars in all]").hasSizeLessThan(2_100);
        assertThat(f.row("SELECT status FROM batch_runs")).containsEntry("status", "partial");
    }

    @Test
    void aHostileMegabyteExceptionMessageIsStoredBoundedAndClean(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        String message = INJECTION + "\u0000\uD800" + "y".repeat(1 << 20);

        Throwable thrown = catchThrowable(() -> f.tracking.run(WEEKLY_FULL, () -> {
            throw new IllegalArgumentException(message);
        }));

        assertThat(thrown).hasMessage(message); // the batch sees its own exception, untouched
        Map<String, Object> row = f.row("SELECT status, error_message, length(error_stack) AS stack FROM batch_runs");
        assertThat(row).containsEntry("status", "failed");
        assertThat((String) row.get("error_message")).startsWith(INJECTION + "\uFFFD\uFFFDyyy").hasSizeLessThan(2_100);
        assertThat((Integer) row.get("stack")).isLessThan(4_100);
    }

    @Test
    void theStoreCleansRecordsThatDidNotComeThroughTheEngine(PostgresDatabase db) throws Exception {
        Fixture f = Fixture.of(db);
        Instant t = Instant.parse("2025-12-30T15:00:00Z");
        String raw = "raw\u0000nul " + "z".repeat(300_000);
        RunRecord record = new RunRecord(UUID.randomUUID(), null, WEEKLY_FULL, RunStatus.FAILED, t, t.plusSeconds(1),
                Map.of(), List.of(new Warning("st\u0000age", raw, t), new Warning("untimed", "no time", null)), 0,
                new RunFailure("x.Boom\u0000", raw, raw), "host\uD800");

        f.store.runFinished(record);

        Map<String, Object> row = f.row("SELECT error_type, length(error_message) AS message, length(error_stack) AS"
                + " stack, host, warnings -> 0 ->> 'stage' AS stage, length(warnings -> 0 ->> 'message') AS warning"
                + " FROM batch_runs");
        assertThat(row).containsEntry("error_type", "x.Boom\uFFFD").containsEntry("host", "host\uFFFD")
                .containsEntry("stage", "st\uFFFDage");
        assertThat((Integer) row.get("message")).isBetween(10_000, 10_100);
        assertThat((Integer) row.get("stack")).isBetween(20_000, 20_100);
        assertThat((Integer) row.get("warning")).isBetween(100_000, 100_100);
        assertThat(f.store.queries().run(record.id()).orElseThrow().warnings().get(1).at()).isEqualTo(t);
    }
}
