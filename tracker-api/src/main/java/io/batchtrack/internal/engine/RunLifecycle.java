package io.batchtrack.internal.engine;

import io.batchtrack.RunConflictException;
import io.batchtrack.RunSpec;
import io.batchtrack.TrackingException;
import io.batchtrack.config.EngineSettings;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.internal.Ids;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.Losses;
import io.batchtrack.internal.context.CurrentRun;
import io.batchtrack.internal.context.RunOnThread;
import io.batchtrack.internal.store.ReadinessRefresh;
import io.batchtrack.internal.store.SpoolEntry.Op;
import io.batchtrack.internal.store.SpoolingStore;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.StoreUnavailableException;
import java.time.Clock;
import java.time.Instant;

/**
 * Opens and ends runs. Opening: the spec gets the engine's trigger and exclusivity; a call inside
 * an open run of the same batch type and period joins that run ({@link JoinedRun}); otherwise the run
 * gets its parent (the run current on this thread) and the store its start; an exclusive run that loses is
 * recorded as skipped and throws {@link RunConflictException} (or, where the caller can skip its
 * body, returns skipped); a store that fails is logged and the batch goes on, or under
 * {@code on-store-failure=fail} the run does not start. Ending: the status by {@link StatusRules},
 * the end to the store (or the spool), readiness, the listeners.
 *
 * <p>Listeners are asked for the run's trace id ({@code runOpening}) before the store is given its
 * start, and told after the store: {@code runStarted} once the start was handed over (or
 * failed to be), {@code runFinished} with every final record, skipped ones included.
 */
final class RunLifecycle implements ActiveRun.Ending {
    private final EngineSettings settings;
    private final Clock clock;
    private final SpoolingStore store;
    private final ReadinessRefresh readiness;
    private final Heartbeat heartbeat;
    private final Listeners listeners;
    private final RuntimeException unusable;

    /** @param unusable why this engine starts no run (a configuration that cannot be used under fail-fast), or null */
    RunLifecycle(EngineSettings settings, Clock clock, SpoolingStore store, ReadinessRefresh readiness,
            Heartbeat heartbeat, Listeners listeners, RuntimeException unusable) {
        this.settings = settings;
        this.clock = clock;
        this.store = store;
        this.readiness = readiness;
        this.heartbeat = heartbeat;
        this.listeners = listeners;
        this.unusable = unusable;
    }

    /**
     * Opens a run and makes it current on this thread.
     *
     * @param skipOnConflict whether an exclusive run that loses returns skipped instead of throwing
     */
    ActiveRun open(RunSpec spec, boolean skipOnConflict, ClassLoader code) {
        if (spec == null) {
            throw new IllegalArgumentException("run spec must not be null");
        }
        if (spec.trigger() == null) {
            spec = spec.withTrigger(settings.trigger());
        }
        if (!spec.exclusive() && settings.exclusiveTypes().contains(spec.batchType())) {
            spec = spec.withExclusive(true);
        }
        if (unusable != null) {
            throw new TrackingException("run of " + spec.batchType() + " not started: " + unusable.getMessage(),
                    unusable);
        }
        RunOnThread parent = CurrentRun.get();
        if (parent instanceof ActiveRun outer && outer.joinedBy(spec)) {
            return new JoinedRun(outer); // re-entrance: part of the run around it, never a run of its own
        }
        Instant now = clock.instant();
        ActiveRun run = new ActiveRun(Ids.newRunId(now.toEpochMilli()), parent == null ? null : parent.id(), spec, now,
                settings, clock, this);
        run.codeLoader(code);
        heartbeat.runOpening();
        if (!listeners.isEmpty()) {
            run.traceId(listeners.opening(run.snapshot()));
        }
        RunRecord opening = run.snapshot();
        try {
            store.runStarted(opening);
        } catch (RunConflictException conflict) {
            skipped(run, conflict);
            if (skipOnConflict) {
                Log.info("batchtrack skipped " + spec + ": " + conflict.getMessage());
                return run;
            }
            throw conflict;
        } catch (StoreUnavailableException e) {
            if (failFast()) {
                throw new TrackingException("run of " + spec.batchType() + " not started: its database is unreachable"
                        + " and on-store-failure=fail (" + Log.describe(e) + ")", e);
            }
            spool(Op.START, opening, e);
            if (spec.exclusive()) {
                Log.warnOnce("exclusive-unguarded", "batchtrack cannot guard exclusive run " + run.id() + " (" + spec
                        + ") while its database is unreachable; the batch goes on (on-store-failure=continue)", null);
            }
        } catch (Throwable e) { // Errors too: a stale store jar's NoSuchMethodError must not stop the batch
            if (failFast()) {
                throw new TrackingException("run of " + spec.batchType() + " not started: its start could not be"
                        + " recorded (on-store-failure=fail): " + Log.describe(e), e);
            }
            Losses.lost("store-start", "batchtrack could not record the start of run " + run.id() + " ("
                    + spec + "); the batch goes on", e);
            store.lossOccurred();
        }
        listeners.started(opening);
        heartbeat.opened(run);
        run.attach();
        return run;
    }

    /** The losing attempt of an exclusive run: a finished row, status skipped, naming the run that held the period. */
    private void skipped(ActiveRun run, RunConflictException conflict) {
        run.markSkipped();
        RunRecord skipped = StatusRules.skipped(run.snapshot(), conflict);
        finish(skipped);
        listeners.finished(skipped);
    }

    /**
     * Records the end. Never throws, under fail-fast neither: that policy governs the start (a run
     * that cannot be recorded does not start); once the body has run, its value or exception reaches
     * the caller unchanged, on the synchronous and the asynchronous path alike, and an end that could
     * not be recorded is logged at WARNING, every time.
     */
    @Override
    public void ended(ActiveRun run, RunFailure outcome) {
        Instant end = clock.instant();
        heartbeat.ended(run);
        RunRecord record = StatusRules.ended(run.snapshot(), end, outcome);
        Throwable failure = finish(record);
        if (failure == null) {
            readiness.after(record, run.codeLoader());
        }
        listeners.finished(record);
        if (failure != null && failFast()) {
            try {
                Log.warn("batchtrack could not record the end of run " + run.id() + " (" + record.spec() + ", "
                        + record.status() + ") under on-store-failure=fail, which governs the start only: the batch's"
                        + " result reaches its caller unchanged"
                        + (failure instanceof StoreUnavailableException && store.spoolEnabled()
                                ? "; the end is spooled and will be written when the database answers" : "")
                        + ": " + Log.describe(failure));
            } catch (Throwable cannotLog) {
                // out of memory even for the line: the batch goes on
            }
        }
    }

    /** Hands a final record to the store, or to the spool if its database is unreachable; returns the failure, or null. */
    private Throwable finish(RunRecord record) {
        try {
            store.runFinished(record);
            return null;
        } catch (StoreUnavailableException e) {
            spool(Op.FINISH, record, e);
            return e;
        } catch (Throwable e) { // Errors too: they must not replace what the body returned or threw
            Losses.lost("store-finish", "batchtrack could not record the end of run " + record.id() + " ("
                    + record.spec() + ", " + record.status() + ")", e);
            store.lossOccurred();
            heartbeat.keepBeating(); // a beat reports the loss to the store
            return e;
        }
    }

    private void spool(Op op, RunRecord record, StoreUnavailableException cause) {
        if (store.spool(op, record, cause)) {
            heartbeat.keepBeating();
        }
    }

    private boolean failFast() {
        return settings.onStoreFailure() == StoreFailurePolicy.FAIL;
    }
}
