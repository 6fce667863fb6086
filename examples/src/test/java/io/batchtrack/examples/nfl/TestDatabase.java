package io.batchtrack.examples.nfl;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.examples.nfl.db.ConnectionSource;
import io.batchtrack.examples.nfl.db.NflSchema;
import io.batchtrack.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh database from tracker-test-support's {@code PostgresExtension}, seen the way the example
 * sees its database: through the tracker's configuration keys.
 */
public final class TestDatabase {
    private final PostgresDatabase db;

    public TestDatabase(PostgresDatabase db) {
        this.db = db;
    }

    /** The database with the example's {@code nfl} tables created: teams and the initial players, nothing else. */
    public static TestDatabase withNflTables(PostgresDatabase db) throws SQLException {
        TestDatabase t = new TestDatabase(db);
        NflSchema.create(t.source());
        return t;
    }

    public String jdbcUrl() {
        return db.jdbcUrl();
    }

    /** The configuration a user would give: URL and user, the password (if the server wants one) in the environment. */
    public TrackerConfig config() {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", db.jdbcUrl());
        env.put("BATCHTRACK_JDBC_USER", db.user());
        env.put("BATCHTRACK_JDBC_PASSWORD", db.password());
        return TrackerConfig.of(Map.of(), env);
    }

    public ConnectionSource source() {
        return ConnectionSource.fromConfig(config());
    }

    /** The single number a query returns, for example a count. */
    public long queryLong(String sql, Object... params) throws SQLException {
        try (Connection c = source().open(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row from " + sql);
                }
                return rs.getLong(1);
            }
        }
    }

    public long count(String table) throws SQLException {
        return queryLong("SELECT count(*) FROM nfl." + table);
    }
}
