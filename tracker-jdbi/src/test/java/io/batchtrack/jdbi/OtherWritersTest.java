package io.batchtrack.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.RunStatus;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, item 18: rows that batchtrack did not write (the seed's Python pipeline, a psql session)
 * need no id of their own; batchtrack's own rows keep their time-ordered UUID v7.
 */
@ExtendWith(PostgresExtension.class)
class OtherWritersTest {

    @Test
    void aPlainInsertWithoutAnIdGetsOneFromTheDatabaseAndIsReadByTheQueryApi(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        f.execute("INSERT INTO batch_runs (batch_type, season_year, week, season_type, triggered_by, status,"
                + " started_at, completed_at) VALUES ('python_backfill', 2025, 17, 'reg', 'manual', 'success',"
                + " now() - interval '1 minute', now())");

        BatchRun row = f.store.queries().latest("python_backfill").orElseThrow();
        assertThat(row.id()).isNotNull();
        assertThat(row.id().version()).isEqualTo(4); // gen_random_uuid()
        assertThat(row.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(f.store.queries().run(row.id())).contains(row);
        assertThat(f.store.queries().history(RunFilter.newest(50).batchType("python_backfill")))
                .extracting(BatchRun::id).containsExactly(row.id());
        assertThat(f.store.queries().summaries(20)).extracting(BatchTypeSummary::batchType)
                .contains("python_backfill");
    }

    @Test
    void batchtracksOwnRowsKeepTheirTimeOrderedIds(PostgresDatabase db) {
        Fixture f = Fixture.of(db);

        f.tracking.run(Fixture.WEEKLY_FULL, () -> { });

        List<UUID> ids = f.sql.withHandle(h -> h.createQuery("SELECT id FROM batch_runs").mapTo(UUID.class).list());
        assertThat(ids).singleElement().extracting(UUID::version).isEqualTo(7);
    }
}
