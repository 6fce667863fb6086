package io.batchtrack.jdbi;

import io.batchtrack.BatchModes;
import io.batchtrack.BatchTracking;
import io.batchtrack.BatchTypes;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Trigger;
import io.batchtrack.testsupport.PostgresDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jdbi.v3.core.Jdbi;

/** A migrated database, a store on it, an engine over the store, and plain SQL for assertions. */
final class Fixture {
    static final Period WEEK_17 = Period.regular(2025, 17);
    static final RunSpec WEEKLY_FULL = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, WEEK_17,
            Trigger.GITHUB_ACTIONS);

    final PostgresDatabase db;
    final PostgresRunStore store;
    final BatchTracking tracking;
    final Jdbi sql;

    private Fixture(PostgresDatabase db, PostgresRunStore store) {
        this.db = db;
        this.store = store;
        // no spool: a test that wants one says where
        this.tracking = BatchTracking.builder().store(store).clock(new SteppingClock()).spoolDirectory(null).build();
        this.sql = Jdbi.create(db.dataSource());
    }

    /**
     * {@code work} on a thread of its own, as another batch process would run it: a tracked call on
     * the thread of a run of the same type and period would join that run instead (issue 12, item 4).
     * Returns its result or throws its exception, the same instance.
     */
    static <T> T onAnotherThread(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, "another-batch");
        thread.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    /** {@link #onAnotherThread(Callable)} for work without a result. */
    static void onAnotherThread(Runnable work) throws Exception {
        onAnotherThread(() -> {
            work.run();
            return null;
        });
    }

    static Fixture of(PostgresDatabase db) {
        return of(db, PostgresRunStore.builder(db.dataSource()));
    }

    static Fixture of(PostgresDatabase db, PostgresRunStore.Builder builder) {
        PostgresRunStore store = builder.build();
        store.ensureReady();
        return new Fixture(db, store);
    }

    Map<String, Object> row(String query, Object... positional) {
        return sql.withHandle(h -> {
            var q = h.createQuery(query);
            for (int i = 0; i < positional.length; i++) {
                q.bind(i, positional[i]);
            }
            return q.mapToMap().one();
        });
    }

    List<Map<String, Object>> rows(String query, Object... positional) {
        return sql.withHandle(h -> {
            var q = h.createQuery(query);
            for (int i = 0; i < positional.length; i++) {
                q.bind(i, positional[i]);
            }
            return q.mapToMap().list();
        });
    }

    long count(String query, Object... positional) {
        return ((Number) row(query, positional).values().iterator().next()).longValue();
    }

    /**
     * Waits until the server has been up for {@code d}: sweeps spare runs for a stale limit after the
     * server starts (live runs have not beaten yet), and another test may have just restarted it.
     */
    void awaitServerUpFor(java.time.Duration d) {
        Poll.until(java.time.Duration.ofSeconds(30), () -> row("SELECT pg_postmaster_start_time() < now() - ? * interval"
                + " '1 millisecond' AS up", d.toMillis()).get("up"), Boolean.TRUE::equals, "server up for " + d);
    }

    void execute(String statement) {
        sql.useHandle(h -> h.execute(statement));
    }
}
