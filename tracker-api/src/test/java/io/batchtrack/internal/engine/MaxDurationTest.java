package io.batchtrack.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.Tracker;
import io.batchtrack.Trigger;
import io.batchtrack.config.EngineSettings;
import io.batchtrack.internal.weaving.AsyncRuns;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testing.Poll;
import io.batchtrack.testing.ScriptedStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** max-duration: a run still open past its limit is ended failed, timed_out, by the heartbeat; the work goes on. */
class MaxDurationTest {
    private static final Duration BEAT = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RunSpec WEEKLY = new RunSpec("weekly_update", "full", Period.regular(2025, 3), Trigger.MANUAL);
    private static final RunSpec ROSTER = new RunSpec("roster_refresh", "full", Period.regular(2025, 3), Trigger.MANUAL);

    private final ScriptedStore store = new ScriptedStore();
    private Engine engine;

    private Engine engine(EngineSettings.Builder settings) {
        engine = new Engine(settings.heartbeatInterval(BEAT).spoolDirectory(null).build(), store, null,
                Clock.systemUTC(), List.of(), null);
        return engine;
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private RunRecord finishedRun(UUID id) {
        return store.finished().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    @Test
    void a_blocked_body_past_its_limit_is_recorded_timed_out_while_it_still_runs_and_its_later_counts_are_late()
            throws Exception {
        engine(EngineSettings.builder().maxDuration(Duration.ofMillis(300)));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bodyDone = new CountDownLatch(1);
        AtomicReference<ActiveRun> opened = new AtomicReference<>();
        AtomicReference<Tracker> currentAfterTimeout = new AtomicReference<>();
        AtomicReference<ActiveRun> nested = new AtomicReference<>();
        Thread body = new Thread(() -> {
            ActiveRun run = engine.open(WEEKLY, false);
            opened.set(run);
            try {
                Tracker.current().increment("predictions", 1);
                release.await(); // a hung batch: blocks far past its max-duration
                Tracker.current().increment("predictions", 5); // the work goes on after the timeout
                currentAfterTimeout.set(Tracker.current());
                ActiveRun inner = engine.open(WEEKLY, false); // a nested call of the same type, period
                nested.set(inner);
                inner.finish(null);
                run.finish(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                bodyDone.countDown();
            }
        }, "hung-batch");
        body.start();
        Poll.until(WAIT, () -> opened.get() != null && finishedRun(opened.get().id()) != null,
                "the hung run recorded by the heartbeat");
        ActiveRun run = opened.get();

        RunRecord row = finishedRun(run.id());
        assertThat(body.isAlive()).as("the body is still running when its row is ended").isTrue();
        assertThat(row.status()).isEqualTo(RunStatus.FAILED);
        assertThat(row.failure().type()).isEqualTo("timed_out");
        assertThat(row.failure().message()).contains("PT0.3S").contains("max-duration").contains("may still be running");
        assertThat(row.metrics()).containsEntry("predictions", 1L);

        release.countDown();
        assertThat(bodyDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(run.lateUpdates()).as("the increment after the timeout is dropped as late").isEqualTo(1);
        assertThat(finishedRun(run.id()).metrics()).containsEntry("predictions", 1L);
        // on its own thread the timed-out run stays current until the body ends it: a nested call of the
        // same type and period does not join it, but opens a run of its own whose parent is the timed-out run
        assertThat(currentAfterTimeout.get().runId()).contains(run.id());
        assertThat(nested.get().id()).isNotEqualTo(run.id());
        assertThat(finishedRun(nested.get().id()).parentId()).isEqualTo(run.id());
        assertThat(store.finished()).filteredOn(r -> r.id().equals(run.id())).as("recorded exactly once").hasSize(1);
        assertThat(Tracker.current().runId()).isEmpty();
    }

    @Test
    void an_async_future_that_never_completes_ends_timed_out() {
        engine(EngineSettings.builder().maxDuration(Duration.ofMillis(300)));
        ActiveRun run = engine.open(WEEKLY, false);
        run.detach();
        AsyncRuns.endOnCompletion(run, new CompletableFuture<String>()); // never completes

        Poll.until(WAIT, () -> finishedRun(run.id()) != null, "the never-completing run ended by the heartbeat");
        RunRecord row = finishedRun(run.id());
        assertThat(row.status()).isEqualTo(RunStatus.FAILED);
        assertThat(row.failure().type()).isEqualTo("timed_out");
        assertThat(row.failure().message()).contains("max-duration");
        assertThat(store.finished()).as("recorded once").hasSize(1);
    }

    private int progressOf(UUID id) {
        return (int) store.progress().stream().filter(r -> r.id().equals(id)).count();
    }

    @Test
    void a_per_type_limit_wins_over_the_global_one() {
        engine(EngineSettings.builder().maxDuration(Duration.ofMillis(300))
                .maxDurationTypes(Map.of("roster_refresh", Duration.ofHours(1))));
        ActiveRun roster = engine.open(ROSTER, false);
        roster.detach();
        ActiveRun weekly = engine.open(WEEKLY, false);
        weekly.detach();

        Poll.until(WAIT, () -> finishedRun(weekly.id()) != null, "the weekly run ended by the global limit");
        int before = progressOf(roster.id());
        Poll.until(WAIT, () -> progressOf(roster.id()) >= before + 2, "two more beats of the roster run");
        assertThat(finishedRun(roster.id())).as("its own 1 h limit holds").isNull();
        assertThat(roster.isEnded()).isFalse();
        roster.finish(null);
        assertThat(finishedRun(roster.id()).status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void a_per_type_limit_names_its_key() {
        engine(EngineSettings.builder().maxDurationTypes(Map.of("weekly_update", Duration.ofMillis(200))));
        ActiveRun weekly = engine.open(WEEKLY, false);
        weekly.detach();
        Poll.until(WAIT, () -> finishedRun(weekly.id()) != null, "the weekly run ended by its type's limit");
        assertThat(finishedRun(weekly.id()).failure().message()).contains("PT0.2S")
                .contains("max-duration.types weekly_update");
    }

    @Test
    void without_a_limit_a_long_run_is_never_timed_out() {
        engine(EngineSettings.builder());
        ActiveRun run = engine.open(WEEKLY, false);
        run.detach();
        Poll.until(WAIT, () -> progressOf(run.id()) >= 5, "five beats of the open run");
        assertThat(run.isEnded()).isFalse();
        assertThat(store.finished()).isEmpty();
        run.finish(null);
        assertThat(finishedRun(run.id()).status()).isEqualTo(RunStatus.SUCCESS);
    }
}
