package io.batchtrack.cli;

import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.testsupport.PostgresDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** A migrated database, a store on it, and plain SQL for assertions (the commands' tests' share of tracker-jdbi's). */
final class Fixture {
    final PostgresDatabase db;
    final PostgresRunStore store;
    final Jdbi sql;

    /** Plain SQL on a database that is already migrated. */
    Fixture(PostgresDatabase db) {
        this(db, PostgresRunStore.builder(db.dataSource()).build());
    }

    private Fixture(PostgresDatabase db, PostgresRunStore store) {
        this.db = db;
        this.store = store;
        this.sql = Jdbi.create(db.dataSource());
    }

    static Fixture of(PostgresDatabase db) {
        PostgresRunStore store = PostgresRunStore.builder(db.dataSource()).build();
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
    void awaitServerUpFor(Duration d) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Boolean.TRUE.equals(row("SELECT pg_postmaster_start_time() < now() - ? * interval '1 millisecond'"
                + " AS up", d.toMillis()).get("up"))) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the server was not up for " + d + " within 30 s");
            }
            try {
                Thread.sleep(25); // the pause between two checks, not a wait for an event
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    void execute(String statement) {
        sql.useHandle(h -> h.execute(statement));
    }
}
