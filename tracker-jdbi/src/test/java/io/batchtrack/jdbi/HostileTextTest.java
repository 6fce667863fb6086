package io.batchtrack.jdbi;

import static io.batchtrack.jdbi.Fixture.WEEKLY_FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.BatchTracking;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.Tracker;
import io.batchtrack.Warning;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.TextLimits;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

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
    void hostileMetricNamesAreRejectedWithAClearErrorAndNothingIsExecuted(PostgresDatabase db) {
        Fixture f = Fixture.of(db);
        List<String> names = List.of("games'; DROP TABLE batch_runs; --", "a;b", "nul\u0000", "lone\uD800",
                "Games", "x".repeat(1 << 20), "\"}", "");

        UUID id = f.tracking.call(WEEKLY_FULL, () -> {
            for (String name : names) {
                Throwable t = catchThrowable(() -> Tracker.current().increment(name, 1));
                assertThat(t).as(name.length() > 80 ? "a megabyte name" : name)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[a-z][a-z0-9_]{0,62}");
                assertThat(t.getMessage()).hasSizeLessThan(300).doesNotContain("\u0000");
            }
            Tracker.current().increment("games_ok", 1);
            return Tracker.current().runId().orElseThrow();
        });

        assertThat(f.row("SELECT status, custom_metrics::text AS custom FROM batch_runs WHERE id = ?::uuid",
                id.toString())).containsEntry("status", "success").containsEntry("custom", "{\"games_ok\": 1}");
    }

    @Test
    void hostileStagesAreStoredVerbatimOrRejectedWhenTooLong(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        UUID id = f.tracking.call(WEEKLY_FULL, () -> {
            Tracker.current().warn(INJECTION, "m");
            Tracker.current().warn("st\u0000age \uDC00", "m");
            assertThat(catchThrowable(() -> Tracker.current().warn("s".repeat(1 << 20), "m")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 100 characters");
            assertThat(catchThrowable(() -> RunSpec.of("weekly'; --", Fixture.WEEK_17)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch type");
            return Tracker.current().runId().orElseThrow();
        });

        assertThat(f.store.queries().run(id).orElseThrow().warnings()).extracting(Warning::stage)
                .containsExactly(INJECTION, "st\uFFFDage \uFFFD");
    }

    @Test
    void hostileTextSurvivesTheSpoolAndIsStoredAsIfWrittenDirectly(PostgresDatabase db, @TempDir Path spool)
            throws Exception {
        Fixture f = Fixture.of(db);
        Switch store = new Switch(f.store);
        BatchTracking tracking = BatchTracking.builder().store(store).heartbeatInterval(Duration.ofMillis(200))
                .spoolDirectory(spool).build();
        String message = INJECTION + JSON_BREAKERS + "\u0000\uD800 " + "y".repeat(1 << 20);

        store.down = true;
        Throwable thrown = catchThrowable(() -> tracking.run(WEEKLY_FULL, () -> {
            Tracker.current().warn(INJECTION, JSON_BREAKERS);
            Tracker.current().warn("nul", "a\u0000b \uD83C\uDFC8 \uDFC8");
            throw new IllegalStateException(message);
        }));
        String spooled = Files.readString(Files.list(spool).findFirst().orElseThrow());
        store.down = false;
        UUID id = Poll.until(Duration.ofSeconds(20), () -> f.row("SELECT count(*) AS n, max(id::text) AS id FROM"
                + " batch_runs"), r -> Long.valueOf(1).equals(r.get("n")), "the spooled run written")
                .get("id") instanceof String s ? UUID.fromString(s) : null;
        tracking.close();

        assertThat(thrown).hasMessage(message);
        assertThat(spooled.lines().count()).isEqualTo(3); // header, start, finish: one line each, however hostile
        BatchRun row = f.store.queries().run(id).orElseThrow();
        assertThat(row.status()).isEqualTo(RunStatus.FAILED);
        assertThat(row.warnings()).extracting(Warning::stage, Warning::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(INJECTION, JSON_BREAKERS),
                org.assertj.core.groups.Tuple.tuple("nul", "a\uFFFDb \uD83C\uDFC8 \uFFFD"));
        assertThat(row.errorMessage()).startsWith(INJECTION + JSON_BREAKERS + "\uFFFD\uFFFD yyy").hasSizeLessThan(2_100);
        assertThat(f.count("SELECT count(*) FROM batch_runs")).isEqualTo(1);
    }

    /** The real store, or an unreachable database while {@code down}. */
    static final class Switch implements RunStore {
        private final PostgresRunStore store;
        volatile boolean down;

        Switch(PostgresRunStore store) {
            this.store = store;
        }

        @Override
        public void runStarted(RunRecord run) {
            check();
            store.runStarted(run);
        }

        @Override
        public void runProgress(RunRecord run) {
            check();
            store.runProgress(run);
        }

        @Override
        public void runFinished(RunRecord run) {
            check();
            store.runFinished(run);
        }

        @Override
        public int sweepAbandoned() {
            check();
            return store.sweepAbandoned();
        }

        @Override
        public java.util.Optional<String> destination() {
            return store.destination();
        }

        private void check() {
            if (down) {
                throw new io.batchtrack.spi.StoreUnavailableException("down (test)", null);
            }
        }
    }

    @Test
    void theStoreCleansRecordsThatDidNotComeThroughTheEngine(PostgresDatabase db) throws Exception {
        Fixture f = Fixture.of(db);
        Instant t = Instant.parse("2025-12-30T15:00:00Z");
        String raw = "raw\u0000nul " + "z".repeat(300_000);
        RunRecord record = RunRecord.started(UUID.randomUUID(), null, WEEKLY_FULL, t, "host\uD800", null)
                .withCounters(Map.of(), List.of(new Warning("st\u0000age", raw, t), new Warning("untimed", "no time", null)),
                        0, 0)
                .ended(RunStatus.FAILED, t.plusSeconds(1), new RunFailure("x.Boom\u0000", raw, raw));

        f.store.runFinished(record);

        Map<String, Object> row = f.row("SELECT error_type, length(error_message) AS message, length(error_stack) AS"
                + " stack, host, warnings -> 0 ->> 'stage' AS stage, length(warnings -> 0 ->> 'message') AS warning"
                + " FROM batch_runs");
        assertThat(row).containsEntry("error_type", "x.Boom\uFFFD").containsEntry("host", "host\uFFFD")
                .containsEntry("stage", "st\uFFFDage");
        // the engine's limits (TextLimits), which the store applies to every record it is handed
        assertThat((Integer) row.get("message")).isBetween(TextLimits.ERROR_MESSAGE, TextLimits.ERROR_MESSAGE + 100);
        assertThat((Integer) row.get("stack")).isBetween(TextLimits.ERROR_STACK, TextLimits.ERROR_STACK + 100);
        assertThat((Integer) row.get("warning")).isBetween(TextLimits.WARNING_MESSAGE, TextLimits.WARNING_MESSAGE + 100);
        assertThat(f.store.queries().run(record.id()).orElseThrow().warnings().get(1).at()).isEqualTo(t);
    }
}
