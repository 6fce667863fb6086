package io.batchtrack.testing;

import io.batchtrack.RunConflictException;
import io.batchtrack.spi.ReadinessRefresher;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store for the engine's tests: an {@link InMemoryRunStore} that records every call made to it
 * (and readiness refreshes) and that a test scripts, while the engine runs, into the failures the
 * engine must survive: an unreachable database ({@link #down()}), a call that throws
 * ({@link #failing}), a slow call ({@link #slow}), an exclusive start that loses to another run
 * ({@link #conflictingWith}). Safe to script from the test's thread while the heartbeat calls it.
 */
public class ScriptedStore implements RunStore, ReadinessRefresher {

    /** The calls an engine makes. */
    public enum Call { START, PROGRESS, FINISH, SWEEP, REFRESH }

    /** One call the store answered, with what it was handed (null for a sweep) and whether it succeeded. */
    public record Made(Call call, RunRecord record, boolean succeeded, String thread) {}

    private final InMemoryRunStore held;
    private final List<Made> made = new CopyOnWriteArrayList<>();
    private final Map<Call, Throwable> failing = new ConcurrentHashMap<>();
    private final Map<Call, Throwable> failingOnce = new ConcurrentHashMap<>();
    private final Map<Call, Duration> slow = new ConcurrentHashMap<>();
    private final AtomicInteger sweeps = new AtomicInteger();
    private volatile StoreUnavailableException down;
    private volatile UUID conflictHolder;

    public ScriptedStore() {
        this(new InMemoryRunStore());
    }

    public ScriptedStore(InMemoryRunStore held) {
        this.held = held;
    }

    /** Names a destination, so that the engine spools for this store. */
    public ScriptedStore destination(String name) {
        held.destination(name);
        return this;
    }

    /** From now on every call throws {@link StoreUnavailableException}, as a store whose database is unreachable. */
    public ScriptedStore down() {
        down = new StoreUnavailableException("database at test:5432 is unreachable (scripted): Connection refused",
                null);
        return this;
    }

    /** The database answers again. */
    public ScriptedStore up() {
        down = null;
        return this;
    }

    /**
     * From now on {@code call} throws {@code failure} (null: it no longer does): an unchecked
     * exception or an {@link Error} of any kind, as a broken store or class path would.
     */
    public ScriptedStore failing(Call call, Throwable failure) {
        if (failure == null) {
            failing.remove(call);
        } else {
            failing.put(call, unchecked(failure));
        }
        return this;
    }

    /** The next {@code call} (only that one) throws {@code failure}; later ones answer as scripted otherwise. */
    public ScriptedStore failingOnce(Call call, Throwable failure) {
        failingOnce.put(call, unchecked(failure));
        return this;
    }

    private static Throwable unchecked(Throwable failure) {
        if (!(failure instanceof RuntimeException) && !(failure instanceof Error)) {
            throw new IllegalArgumentException("a scripted failure is unchecked or an Error, not " + failure);
        }
        return failure;
    }

    /** From now on {@code call} takes {@code delay} before it answers (or fails). */
    public ScriptedStore slow(Call call, Duration delay) {
        slow.put(call, delay);
        return this;
    }

    /** From now on every exclusive start loses to run {@code holder} (null: the store decides). */
    public ScriptedStore conflictingWith(UUID holder) {
        this.conflictHolder = holder;
        return this;
    }

    @Override
    public void runStarted(RunRecord run) {
        answer(Call.START, run);
        UUID holder = conflictHolder;
        if (holder != null && run.spec().exclusive()) {
            made.add(new Made(Call.START, run, false, Thread.currentThread().getName()));
            throw new RunConflictException(run.spec(), run.id(), holder);
        }
        held.runStarted(run);
        made.add(new Made(Call.START, run, true, Thread.currentThread().getName()));
    }

    @Override
    public void runProgress(RunRecord run) {
        answer(Call.PROGRESS, run);
        held.runProgress(run);
        made.add(new Made(Call.PROGRESS, run, true, Thread.currentThread().getName()));
    }

    @Override
    public void runFinished(RunRecord run) {
        answer(Call.FINISH, run);
        held.runFinished(run);
        made.add(new Made(Call.FINISH, run, true, Thread.currentThread().getName()));
    }

    @Override
    public int sweepAbandoned() {
        answer(Call.SWEEP, null);
        sweeps.incrementAndGet();
        made.add(new Made(Call.SWEEP, null, true, Thread.currentThread().getName()));
        return held.sweepAbandoned();
    }

    @Override
    public void refresh(RunRecord finishedRun) {
        answer(Call.REFRESH, finishedRun);
        made.add(new Made(Call.REFRESH, finishedRun, true, Thread.currentThread().getName()));
    }

    @Override
    public Optional<String> destination() {
        return held.destination();
    }

    /** Waits as scripted, then throws as scripted (recording the failed call). */
    private void answer(Call call, RunRecord record) {
        Duration delay = slow.get(call);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis()); // the simulated slow database, not a wait for a condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable failure = down != null && call != Call.REFRESH ? down : failingOnce.remove(call);
        if (failure == null) {
            failure = failing.get(call);
        }
        if (failure != null) {
            made.add(new Made(call, record, false, Thread.currentThread().getName()));
            if (failure instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) failure;
        }
    }

    /** Every call, in order, failed ones included. */
    public List<Made> calls() {
        return List.copyOf(made);
    }

    /** The records of the calls of one kind that succeeded, in order. */
    public List<RunRecord> handed(Call call) {
        return made.stream().filter(m -> m.call() == call && m.succeeded()).map(Made::record).toList();
    }

    public List<RunRecord> started() {
        return handed(Call.START);
    }

    public List<RunRecord> progress() {
        return handed(Call.PROGRESS);
    }

    public List<RunRecord> finished() {
        return handed(Call.FINISH);
    }

    public List<RunRecord> refreshed() {
        return handed(Call.REFRESH);
    }

    /** How many sweeps succeeded. */
    public int sweeps() {
        return sweeps.get();
    }

    /** The one run that finished; fails the test unless there is exactly one. */
    public RunRecord only() {
        List<RunRecord> f = finished();
        if (f.size() != 1) {
            throw new AssertionError("expected one finished run, got " + f);
        }
        return f.get(0);
    }

    /** What the store holds now, as the PostgreSQL store's rows would be. */
    public InMemoryRunStore held() {
        return held;
    }

    @Override
    public String toString() {
        return "scripted";
    }
}
