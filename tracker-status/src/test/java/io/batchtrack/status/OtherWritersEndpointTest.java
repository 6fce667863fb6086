package io.batchtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 12, item 18: a row another writer inserted without an id is served like batchtrack's own. */
@ExtendWith(PostgresExtension.class)
class OtherWritersEndpointTest {

    @Test
    void aRowInsertedByAnotherWriterWithoutAnIdIsServedByTheEndpoints(PostgresDatabase db) throws SQLException {
        BatchtrackSchema.migrate(db.dataSource(), "public");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO batch_runs (batch_type, season_year, week, season_type, triggered_by, status,"
                    + " started_at, completed_at) VALUES ('python_backfill', 2025, 17, 'reg', 'manual', 'success',"
                    + " now() - interval '1 minute', now())");
        }
        try (StatusServer server = StatusServer.start(BatchRunQueries.create(db.dataSource(), "public"),
                StatusServer.Options.defaults())) {
            HttpResponse<String> latest = Http.get(server, "/api/admin/batch-runs/latest?batch_type=python_backfill");
            HttpResponse<String> history = Http.get(server, "/api/admin/batch-runs/history");
            HttpResponse<String> page = Http.get(server, "/");

            assertThat(latest.statusCode()).isEqualTo(200);
            Map<String, Object> run = JsonReader.object(latest.body());
            assertThat((String) run.get("id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-.*");
            assertThat(run).containsEntry("status", "success").containsKey("recorded_at");
            assertThat(history.statusCode()).isEqualTo(200);
            assertThat((List<?>) JsonReader.object(history.body()).get("batch_runs")).hasSize(1);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("python_backfill");
        }
    }
}
