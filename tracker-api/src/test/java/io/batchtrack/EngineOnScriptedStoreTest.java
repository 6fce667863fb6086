package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.testing.InMemoryRunStore;
import io.batchtrack.testing.Poll;
import io.batchtrack.testing.ScriptedStore;
import io.batchtrack.testing.ScriptedStore.Call;
import io.batchtrack.testing.ScriptedStore.Made;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's outage, spool, fail-fast and exclusivity behaviour against a scripted store, without
 * PostgreSQL (tracker-jdbi's DatabaseOutageTest, HeartbeatTest and ExclusiveRunTest check the same
 * against a real database).
 */
class EngineOnScriptedStoreTest {
    private static final RunSpec SPEC = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, Period.regular(2025, 17),
            Trigger.MANUAL);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path spool;

    @AfterEach
    void noRunLeftCurrent() {
        assertThat(Tracker.current().isActive()).as("a run leaked into the thread").isFalse();
    }

    private BatchTracking engine(ScriptedStore store, Duration heartbeat) {
        return BatchTracking.builder().store(store).spoolDirectory(spool).heartbeatInterval(heartbeat).build();
    }

    @Test
    void a_run_whose_store_goes_down_mid_run_is_written_once_by_the_heartbeat_when_it_is_back() {
        ScriptedStore store = new ScriptedStore().destination("test:db");
        BatchTracking tracking = engine(store, Duration.ofMillis(100));

        int result = tracking.call(SPEC, () -> {
            Tracker.current().increment(Metrics.GAMES_PROCESSED, 16);
            store.down();
            return 7;
        });
        assertThat(result).isEqualTo(7);
        assertThat(store.finished()).isEmpty();
        assertThat(spooledLines()).isEqualTo(1);

        store.up();
        Poll.until(WAIT, () -> !store.finished().isEmpty(), "the heartbeat hands the spooled end over");
        tracking.close();

        assertThat(store.started()).hasSize(1);
        assertThat(store.only().status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(store.only().metric(Metrics.GAMES_PROCESSED)).isEqualTo(16);
        assertThat(store.refreshed()).singleElement().isEqualTo(store.only());
        assertThat(store.held().runs()).singleElement().isEqualTo(store.only());
        assertThat(spooledLines()).isZero();
    }

    @Test
    void runs_of_a_store_that_is_down_from_start_to_end_are_handed_over_by_the_next_engine() {
        ScriptedStore store = new ScriptedStore().destination("test:db").down();
        BatchTracking first = engine(store, Duration.ofSeconds(30));
        first.run(SPEC, () -> Tracker.current().increment(Metrics.ODDS_SYNCED, 3));
        first.run(SPEC.withMode(null), () -> Tracker.current().warn("odds", "2 games without odds"));
        first.close();
        assertThat(spooledLines()).as("what the first engine could not hand over stays").isEqualTo(4);

        store.up();
        BatchTracking next = engine(store, Duration.ofSeconds(30));
        next.run(RunSpec.of(BatchTypes.ROSTER_REFRESH, Period.regular(2025, 17)), () -> { });
        Poll.until(WAIT, () -> store.finished().size() == 3, "the next engine hands the leftovers over");
        next.close();

        assertThat(store.held().runs()).extracting(r -> r.spec().batchType() + " " + r.status())
                .containsExactlyInAnyOrder("weekly_update success", "weekly_update partial", "roster_refresh success");
        assertThat(store.calls().stream().filter(m -> m.call() == Call.START && m.succeeded())
                .map(m -> m.record().spec().batchType()).toList()).as("each start handed over before its end")
                .contains("weekly_update", "weekly_update", "roster_refresh");
        assertThat(spooledLines()).isZero();
    }

    @Test
    void during_an_outage_only_the_first_call_waits_for_the_store_the_rest_go_straight_to_the_spool() {
        ScriptedStore store = new ScriptedStore().destination("test:db").down().slow(Call.START, Duration.ofMillis(200));
        BatchTracking tracking = engine(store, Duration.ofSeconds(30));

        for (int i = 0; i < 3; i++) {
            tracking.run(SPEC, () -> Tracker.current().increment(Metrics.API_CALLS_MADE));
        }
        List<Made> tried = store.calls();
        tracking.close();

        assertThat(tried).as("one attempt reached the store; the outage sent the rest to the spool")
                .singleElement().satisfies(m -> {
                    assertThat(m.call()).isEqualTo(Call.START);
                    assertThat(m.succeeded()).isFalse();
                });
        assertThat(spooledLines()).isEqualTo(6);
    }

    @Test
    void under_fail_fast_a_run_does_not_start_while_the_store_is_down_and_nothing_is_spooled() {
        ScriptedStore store = new ScriptedStore().destination("test:db").down();
        BatchTracking tracking = BatchTracking.builder().store(store).spoolDirectory(spool)
                .policy(StoreFailurePolicy.FAIL).build();
        AtomicBoolean ran = new AtomicBoolean();

        Throwable thrown = catchThrowable(() -> tracking.run(SPEC, () -> ran.set(true)));
        tracking.close();

        assertThat(ran).isFalse();
        assertThat(thrown).isInstanceOf(TrackingException.class)
                .hasMessageContaining("its database is unreachable and on-store-failure=fail")
                .hasMessageContaining("Connection refused");
        assertThat(spooledLines()).isZero();
    }

    @Test
    void under_fail_fast_an_end_that_cannot_be_written_is_spooled_and_the_batch_result_returned() {
        ScriptedStore store = new ScriptedStore().destination("test:db");
        BatchTracking tracking = BatchTracking.builder().store(store).spoolDirectory(spool)
                .policy(StoreFailurePolicy.FAIL).build();

        Throwable thrown = catchThrowable(() -> tracking.run(SPEC, store::down));
        tracking.close();

        assertThat(thrown).as("fail-fast governs the start only").isNull();
        assertThat(spooledLines()).isEqualTo(1);
    }

    @Test
    void a_store_that_rejects_a_start_is_logged_and_the_batch_goes_on_and_its_end_is_still_written() {
        ScriptedStore store = new ScriptedStore().failing(Call.START, new IllegalStateException("check constraint"));
        BatchTracking tracking = engine(store, Duration.ofSeconds(30));

        String result = tracking.call(SPEC, () -> "still works");
        tracking.close();

        assertThat(result).isEqualTo("still works");
        assertThat(store.started()).isEmpty();
        assertThat(store.only().status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(spooledLines()).as("only an unreachable store's records are spooled").isZero();
    }

    @Test
    void a_slow_store_only_delays_the_calls_that_wait_for_it_and_loses_nothing() {
        ScriptedStore store = new ScriptedStore().slow(Call.PROGRESS, Duration.ofMillis(300));
        BatchTracking tracking = engine(store, Duration.ofMillis(100));

        try (BatchTracker run = tracking.start(SPEC)) {
            for (int i = 0; i < 10_000; i++) {
                run.increment(Metrics.GAME_LOGS_ADDED);
            }
            Poll.until(WAIT, () -> !store.progress().isEmpty(), "a slow heartbeat got through");
            run.complete();
        }
        tracking.close();

        assertThat(store.only().metric(Metrics.GAME_LOGS_ADDED)).isEqualTo(10_000);
        assertThat(store.progress()).allSatisfy(p -> assertThat(p.status()).isEqualTo(RunStatus.RUNNING));
    }

    @Test
    void an_exclusive_run_loses_to_the_running_one_of_its_week_and_the_next_attempt_after_it_runs() {
        ScriptedStore store = new ScriptedStore(new InMemoryRunStore());
        BatchTracking tracking = engine(store, Duration.ofSeconds(30));
        RunSpec exclusive = SPEC.withExclusive(true);

        BatchTracker holder = tracking.start(exclusive);
        holder.detach(); // still running, as in another process
        Throwable lost = catchThrowable(() -> tracking.run(exclusive, () -> { }));
        holder.complete();
        holder.close();
        tracking.run(exclusive, () -> { });
        tracking.close();

        assertThat(lost).isInstanceOfSatisfying(RunConflictException.class,
                e -> assertThat(e.runningRunId()).contains(holder.id()));
        assertThat(store.held().runs()).extracting(RunRecord::status)
                .containsExactly(RunStatus.SUCCESS, RunStatus.SKIPPED, RunStatus.SUCCESS);
        assertThat(store.held().runs().get(1).failure().message()).contains(holder.id().toString());
    }

    private long spooledLines() {
        try (Stream<Path> files = Files.list(spool)) {
            long n = 0;
            for (Path p : files.toList()) {
                n += Files.readAllLines(p).stream().filter(l -> l.startsWith("{\"op\"")).count();
            }
            return n;
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
