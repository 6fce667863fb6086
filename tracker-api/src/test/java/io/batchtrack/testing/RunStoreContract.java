package io.batchtrack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.batchtrack.BatchModes;
import io.batchtrack.BatchTypes;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunConflictException;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.Trigger;
import io.batchtrack.Warning;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RunStore} must do, as its javadoc prescribes: every call idempotent, because the
 * engine hands records over again after an outage (a repeated start never duplicates a run, a late
 * heartbeat never changes a finished run, a repeated finish writes the same row), the end recorded
 * even when the start was not, spooled records replayed in order leaving the runs as written, an
 * exclusive start losing to a running exclusive run, runs of dead processes swept as abandoned.
 *
 * <p>A store's test extends this class and says how to reach a fresh, empty store and how to read
 * back what it holds; a store that cannot do one of the optional parts (a log keeps no running
 * runs) says so and those tests are skipped for it.
 */
public abstract class RunStoreContract {
    private static final Instant T = Instant.parse("2025-12-30T15:00:00Z");
    private static final Period WEEK = Period.regular(2025, 17);
    private static final RunSpec WEEKLY = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, WEEK,
            Trigger.GITHUB_ACTIONS);
    private static final RunSpec EXCLUSIVE = WEEKLY.withExclusive(true);

    /** The store under test: fresh and empty for each test. */
    protected abstract RunStore store();

    /** Every run the store holds now, as it reads them back, in any order. */
    protected abstract List<RunRecord> stored() throws Exception;

    /** Whether the store holds runs while they run (a log writes a run once it ended). */
    protected boolean holdsRunningRuns() {
        return true;
    }

    /** Whether the store guards exclusive runs. */
    protected boolean guardsExclusiveRuns() {
        return true;
    }

    /** Whether the store sweeps runs whose heartbeat stopped. */
    protected boolean sweepsAbandonedRuns() {
        return true;
    }

    private static RunRecord opening(RunSpec spec, Duration staleLimit) {
        return RunRecord.started(UUID.randomUUID(), null, spec, T, "7@contract", staleLimit);
    }

    private static RunRecord opening() {
        return opening(WEEKLY, Duration.ofMinutes(5));
    }

    private static RunRecord counted(RunRecord run, long games) {
        return run.withCounters(Map.of(Metrics.GAMES_PROCESSED, games, "box_scores", 2L),
                List.of(new Warning("game_logs", "3 players skipped", T.plusSeconds(1))), 1, 0);
    }

    private static RunRecord finished(RunRecord run) {
        return counted(run, 16).ended(RunStatus.PARTIAL, T.plusSeconds(30), null);
    }

    private Optional<RunRecord> held(UUID id) throws Exception {
        List<RunRecord> matching = new ArrayList<>();
        for (RunRecord r : stored()) {
            if (r.id().equals(id)) {
                matching.add(r);
            }
        }
        assertThat(matching).as("runs held with id " + id).hasSizeLessThanOrEqualTo(1);
        return matching.stream().findFirst();
    }

    @Test
    void a_started_run_is_held_as_running() throws Exception {
        assumeTrue(holdsRunningRuns());
        RunRecord start = opening();

        store().runStarted(start);

        assertThat(held(start.id())).contains(start);
    }

    @Test
    void a_repeated_start_never_duplicates_the_run() throws Exception {
        assumeTrue(holdsRunningRuns());
        RunRecord start = opening();

        store().runStarted(start);
        store().runStarted(start);

        assertThat(stored()).containsExactly(start);
    }

    @Test
    void a_finished_run_is_held_as_its_final_record() throws Exception {
        RunRecord start = opening();
        RunRecord end = finished(start);

        store().runStarted(start);
        store().runFinished(end);

        assertThat(stored()).containsExactly(end);
    }

    @Test
    void a_failed_run_keeps_its_failure() throws Exception {
        RunRecord start = opening();
        RunRecord end = counted(start, 3).ended(RunStatus.FAILED, T.plusSeconds(2),
                new RunFailure("java.lang.IllegalStateException", "box score missing", "java.lang.Ill...\n\tat x.y\n"));

        store().runStarted(start);
        store().runFinished(end);

        assertThat(stored()).containsExactly(end);
    }

    @Test
    void a_repeated_finish_leaves_the_same_record() throws Exception {
        RunRecord start = opening();
        RunRecord end = finished(start);

        store().runStarted(start);
        store().runFinished(end);
        List<RunRecord> once = stored();
        store().runFinished(end);

        assertThat(stored()).isEqualTo(once).containsExactly(end);
    }

    @Test
    void a_finish_without_a_start_is_recorded() throws Exception {
        RunRecord end = finished(opening());

        store().runFinished(end);

        assertThat(stored()).containsExactly(end);
    }

    @Test
    void a_heartbeat_updates_the_counters_of_a_running_run() throws Exception {
        assumeTrue(holdsRunningRuns());
        RunRecord start = opening();

        store().runStarted(start);
        store().runProgress(counted(start, 5));

        RunRecord now = held(start.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(now.metric(Metrics.GAMES_PROCESSED)).isEqualTo(5);
        assertThat(now.warnings()).extracting(Warning::message).containsExactly("3 players skipped");
    }

    @Test
    void a_heartbeat_never_reopens_or_changes_a_finished_run() throws Exception {
        RunRecord start = opening();
        RunRecord end = finished(start);

        store().runStarted(start);
        store().runFinished(end);
        store().runProgress(counted(start, 99)); // a heartbeat that was in flight, or replayed

        assertThat(stored()).containsExactly(end);
    }

    @Test
    void a_start_replayed_after_the_finish_never_reopens_the_run() throws Exception {
        RunRecord start = opening();
        RunRecord end = finished(start);

        store().runStarted(start);
        store().runFinished(end);
        store().runStarted(start); // a late retry of the start

        assertThat(stored()).containsExactly(end);
    }

    @Test
    void records_replayed_in_spool_order_after_being_written_leave_the_runs_as_written() throws Exception {
        RunRecord a = opening();
        RunRecord b = opening(RunSpec.of(BatchTypes.ROSTER_REFRESH, WEEK).withTrigger(Trigger.MANUAL), null);
        RunRecord c = opening(RunSpec.of(BatchTypes.PREDICTION_GENERATION, WEEK).withTrigger(Trigger.API),
                Duration.ofMinutes(1));
        List<Runnable> spooled = List.of(() -> start(a), () -> start(b), () -> finish(finished(a)), () -> start(c),
                () -> finish(finished(b).ended(RunStatus.SUCCESS, T.plusSeconds(40), null)), () -> finish(finished(c)));

        spooled.forEach(Runnable::run);
        List<RunRecord> written = sorted(stored());
        spooled.forEach(Runnable::run); // the same records again, as a replay after an ambiguous failure

        assertThat(sorted(stored())).isEqualTo(written).hasSize(3).allSatisfy(r ->
                assertThat(r.status()).isIn(RunStatus.PARTIAL, RunStatus.SUCCESS));
    }

    private void start(RunRecord r) {
        try {
            store().runStarted(r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void finish(RunRecord r) {
        try {
            store().runFinished(r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<RunRecord> sorted(List<RunRecord> runs) {
        List<RunRecord> s = new ArrayList<>(runs);
        s.sort((x, y) -> x.id().compareTo(y.id()));
        return s;
    }

    @Test
    void an_exclusive_start_loses_to_a_running_exclusive_run_of_its_type_and_week_and_names_it() throws Exception {
        assumeTrue(guardsExclusiveRuns());
        RunRecord holder = opening(EXCLUSIVE, Duration.ofMinutes(5));
        RunRecord loser = opening(EXCLUSIVE, Duration.ofMinutes(5));
        RunRecord otherWeek = opening(EXCLUSIVE.withPeriod(Period.regular(2025, 18)), Duration.ofMinutes(5));
        RunRecord notExclusive = opening();

        store().runStarted(holder);
        Throwable lost = catchThrowable(() -> store().runStarted(loser));
        store().runStarted(otherWeek);
        store().runStarted(notExclusive);

        assertThat(lost).isInstanceOfSatisfying(RunConflictException.class, e -> {
            assertThat(e.attemptId()).isEqualTo(loser.id());
            assertThat(e.runningRunId()).contains(holder.id());
        });
        assertThat(held(loser.id())).as("nothing written for the loser").isEmpty();
        assertThat(held(otherWeek.id())).isPresent();
        assertThat(held(notExclusive.id())).isPresent();
    }

    @Test
    void once_the_holder_ended_an_exclusive_start_wins() throws Exception {
        assumeTrue(guardsExclusiveRuns());
        RunRecord holder = opening(EXCLUSIVE, Duration.ofMinutes(5));
        RunRecord next = opening(EXCLUSIVE, Duration.ofMinutes(5));

        store().runStarted(holder);
        store().runFinished(finished(holder));
        store().runStarted(next);

        assertThat(held(next.id())).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(RunStatus.RUNNING));
    }

    @Test
    void a_running_run_silent_past_its_stale_limit_is_swept_as_abandoned_and_no_other() throws Exception {
        assumeTrue(sweepsAbandonedRuns());
        RunRecord silent = opening(WEEKLY, Duration.ofMillis(1));
        RunRecord alive = opening(WEEKLY, Duration.ofHours(1));
        RunRecord ended = opening(WEEKLY, Duration.ofMillis(1));
        store().runStarted(silent);
        store().runStarted(alive);
        store().runStarted(ended);
        store().runFinished(finished(ended));

        int[] swept = new int[1];
        Poll.until(Duration.ofSeconds(20), () -> {
            try {
                swept[0] += store().sweepAbandoned();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return swept[0] > 0;
        }, "the silent run swept");

        assertThat(swept[0]).isEqualTo(1);
        assertThat(held(silent.id())).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.failure().type()).isEqualTo("abandoned");
            assertThat(r.finishedAt()).isNotNull();
        });
        assertThat(held(alive.id())).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(RunStatus.RUNNING));
        assertThat(held(ended.id())).contains(finished(ended));
        assertThat(store().sweepAbandoned()).as("a second sweep finds nothing").isZero();
    }
}
