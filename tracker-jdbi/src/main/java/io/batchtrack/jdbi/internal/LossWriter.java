package io.batchtrack.jdbi.internal;

import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Writes a JVM's running totals of lost records to {@code batch_losses}: one upsert per kind, one transaction. */
public final class LossWriter {
    private final Sql sql;

    public LossWriter(Sql sql) {
        this.sql = sql;
    }

    public void upsert(Jdbi jdbi, String host, long pid, Instant processStartedAt, Map<String, Long> lostByKind) {
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch(sql.upsertLoss);
            for (Map.Entry<String, Long> e : lostByKind.entrySet()) {
                batch.bind("host", host).bind("pid", pid)
                        .bind("process_started_at", Args.timestamp(processStartedAt))
                        .bind("kind", e.getKey()).bind("lost", e.getValue()).add();
            }
            batch.execute();
        });
    }
}
