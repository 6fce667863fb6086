package io.batchtrack.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The least a run's bookkeeping can cost: one INSERT when it opens and one UPDATE when it closes,
 * plain JDBC, autocommit, each statement on a connection borrowed from the pool for it (a run's
 * start and end are apart in time), into the same {@code batch_runs} table with the same columns
 * as the store writes.
 */
final class FloorRun {
    private static final String INSERT = "INSERT INTO batch_runs (id, parent_run_id, batch_type, batch_mode,"
            + " season_year, week, season_type, triggered_by, status, started_at, heartbeat_at, host)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)";
    private static final String UPDATE = "UPDATE batch_runs SET status = ?, completed_at = ?, duration_ms = ?,"
            + " heartbeat_at = ?, api_calls_made = ?, games_processed = ?, game_logs_added = ?,"
            + " predictions_generated = ?, predictions_skipped = ?, odds_synced = ?, errors_encountered = ?,"
            + " custom_metrics = cast(? as jsonb), warnings = cast(? as jsonb), warnings_dropped = ?,"
            + " error_type = ?, error_message = ?, error_stack = ? WHERE id = ?";

    private final DataSource pool;
    private final String host = ProcessHandle.current().pid() + "@bench";

    FloorRun(DataSource pool) {
        this.pool = pool;
    }

    void run() throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        UUID id = new UUID(r.nextLong(), r.nextLong());
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setObject(1, id);
            s.setObject(2, null, java.sql.Types.OTHER);
            s.setString(3, "weekly_update");
            s.setString(4, null);
            s.setInt(5, 2025);
            s.setInt(6, 17);
            s.setString(7, "reg");
            s.setString(8, "manual");
            s.setObject(9, started);
            s.setObject(10, started);
            s.setString(11, host);
            s.executeUpdate();
        }
        OffsetDateTime ended = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setString(1, "success");
            s.setObject(2, ended);
            s.setLong(3, java.time.Duration.between(started, ended).toMillis());
            s.setObject(4, ended);
            for (int i = 5; i <= 11; i++) {
                s.setLong(i, 0);
            }
            s.setString(12, "{}");
            s.setString(13, "[]");
            s.setLong(14, 0);
            s.setString(15, null);
            s.setString(16, null);
            s.setString(17, null);
            s.setObject(18, id);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("the floor's UPDATE found no row");
            }
        }
    }
}
