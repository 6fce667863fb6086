package io.batchtrack.testing;

import io.batchtrack.Period;
import io.batchtrack.RunConflictException;
import io.batchtrack.RunStatus;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link RunStore} in memory that keeps {@code RunStore}'s rules as the PostgreSQL store does
 * ({@link RunStoreContract}): a repeated or late start never duplicates or reopens a run, a
 * heartbeat changes only a running run, a finish writes the final record whether or not the start
 * came, an exclusive start loses to a running exclusive run of the same batch type and week, and
 * the sweep marks running runs silent past their stale limit abandoned, by its own clock.
 */
public class InMemoryRunStore implements RunStore {
    private final Clock clock;
    private final Duration defaultStaleLimit;
    private final Map<UUID, RunRecord> runs = new LinkedHashMap<>(); // guarded by this
    private final Map<UUID, Instant> heartbeats = new LinkedHashMap<>(); // guarded by this
    private volatile String destination;

    public InMemoryRunStore() {
        this(Clock.systemUTC(), Duration.ofSeconds(90));
    }

    /** @param defaultStaleLimit the stale limit of runs whose record carries none */
    public InMemoryRunStore(Clock clock, Duration defaultStaleLimit) {
        this.clock = clock;
        this.defaultStaleLimit = defaultStaleLimit;
    }

    /** Names a destination, so that the engine spools for this store (none by default). */
    public InMemoryRunStore destination(String name) {
        this.destination = name;
        return this;
    }

    @Override
    public synchronized void runStarted(RunRecord run) {
        if (runs.containsKey(run.id())) {
            return; // a replay: the run exists, started or finished
        }
        if (run.spec().exclusive()) {
            for (RunRecord other : runs.values()) {
                if (other.status() == RunStatus.RUNNING && other.spec().exclusive() && samePeriod(other, run)) {
                    throw new RunConflictException(run.spec(), run.id(), other.id());
                }
            }
        }
        runs.put(run.id(), run);
        heartbeats.put(run.id(), clock.instant());
    }

    private static boolean samePeriod(RunRecord a, RunRecord b) {
        Period p = a.spec().period();
        return a.spec().batchType().equals(b.spec().batchType()) && p.equals(b.spec().period());
    }

    @Override
    public synchronized void runProgress(RunRecord run) {
        RunRecord held = runs.get(run.id());
        if (held != null && held.status() == RunStatus.RUNNING) {
            runs.put(run.id(), held.withCounters(run.metrics(), run.warnings(), run.warningsDropped(),
                    run.customMetricsDropped()));
            heartbeats.put(run.id(), clock.instant());
        }
    }

    @Override
    public synchronized void runFinished(RunRecord run) {
        runs.put(run.id(), run);
        heartbeats.put(run.id(), run.finishedAt() != null ? run.finishedAt() : run.startedAt());
    }

    @Override
    public synchronized int sweepAbandoned() {
        Instant now = clock.instant();
        int swept = 0;
        for (Map.Entry<UUID, RunRecord> e : runs.entrySet()) {
            RunRecord r = e.getValue();
            Duration limit = r.staleLimit() != null ? r.staleLimit() : defaultStaleLimit;
            if (r.status() == RunStatus.RUNNING && heartbeats.get(r.id()).plus(limit).isBefore(now)) {
                e.setValue(r.ended(RunStatus.FAILED, now, new RunFailure("abandoned",
                        "no heartbeat for longer than its stale limit " + limit, null)));
                swept++;
            }
        }
        return swept;
    }

    @Override
    public Optional<String> destination() {
        return Optional.ofNullable(destination);
    }

    /** Every run held, in the order they were first written. */
    public synchronized List<RunRecord> runs() {
        return new ArrayList<>(runs.values());
    }

    public synchronized Optional<RunRecord> run(UUID id) {
        return Optional.ofNullable(runs.get(id));
    }

    @Override
    public String toString() {
        return "in-memory";
    }
}
