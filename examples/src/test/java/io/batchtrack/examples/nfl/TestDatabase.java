package io.batchtrack.examples.nfl;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.examples.nfl.db.ConnectionSource;
import io.batchtrack.examples.nfl.db.NflSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * One embedded PostgreSQL for all tests of this module, started on first use and stopped when the
 * JVM exits. Stands in for tracker-test-support's PostgresExtension until this branch has it.
 */
public final class TestDatabase {
    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary anyway
                }
            }));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The configuration a user would give: URL and user, no password (the embedded server trusts local users). */
    public static TrackerConfig config() {
        return TrackerConfig.of(Map.of("jdbc.url", jdbcUrl(), "jdbc.user", "postgres"));
    }

    public static ConnectionSource source() {
        return ConnectionSource.fromConfig(config());
    }

    /** Drops the {@code nfl} schema and creates it again: an empty database with teams and initial players. */
    public static void resetNflSchema() throws SQLException {
        try (Connection c = source().open(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS nfl CASCADE");
        }
        NflSchema.create(source());
    }

    /** The single number a query returns, for example a count. */
    public static long queryLong(String sql, Object... params) throws SQLException {
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

    public static long count(String table) throws SQLException {
        return queryLong("SELECT count(*) FROM nfl." + table);
    }
}
