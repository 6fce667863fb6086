package io.batchtrack.jdbi;

import io.batchtrack.internal.Text;
import io.batchtrack.jdbi.internal.FlywayMigrator;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The tables {@code batch_runs} and {@code data_readiness}, created and upgraded by Flyway from
 * {@code classpath:db/batchtrack/migration}. The history table is {@code batchtrack_schema_history},
 * so the migrations live beside an application's own Flyway history without touching it.
 *
 * <p>{@link #migrate} first asks the history table, with plain SQL, whether every known version is
 * applied; only if not is Flyway loaded. An up-to-date schema costs two small queries.
 *
 * <pre>{@code
 * BatchtrackSchema.migrate(dataSource, "public");
 * }</pre>
 */
public final class BatchtrackSchema {
    /** Flyway's history table of these migrations, in the configured schema. */
    public static final String HISTORY_TABLE = "batchtrack_schema_history";
    /** Where the migrations are, on the class path. */
    public static final String LOCATION = "db/batchtrack/migration";
    /** The schema used when none is configured. */
    public static final String DEFAULT_SCHEMA = "public";
    /** The rule a schema name must match; it is then used quoted. */
    public static final String SCHEMA_RULE = "[a-z_][a-z0-9_]{0,62}";
    /**
     * Every version this code knows, oldest first; the last one is current. Numbered without gaps:
     * Flyway refuses a version below a database's current one (out of order), so a number is never
     * reserved for later.
     */
    static final List<String> VERSIONS = List.of("1", "2", "3", "4", "5", "6", "7", "8");

    private BatchtrackSchema() {}

    /** The newest schema version this code knows. */
    public static String latestVersion() {
        return VERSIONS.get(VERSIONS.size() - 1);
    }

    /**
     * Brings {@code schema} to {@link #latestVersion()}, creating the schema if missing. Applying it
     * again is a no-op; concurrent callers are serialized by Flyway's lock.
     *
     * @throws IllegalArgumentException if the schema name breaks {@link #SCHEMA_RULE}
     * @throws IllegalStateException if the database cannot be reached or a migration fails
     */
    public static MigrationResult migrate(DataSource dataSource, String schema) {
        requireValidName(schema);
        if (isUpToDate(dataSource, schema)) {
            return new MigrationResult(schema, latestVersion(), 0);
        }
        int applied = FlywayMigrator.migrate(dataSource, schema, HISTORY_TABLE, LOCATION);
        return new MigrationResult(schema, latestVersion(), applied);
    }

    /**
     * Whether every known migration is recorded as applied in {@code schema}; plain SQL, no Flyway.
     *
     * @throws IllegalStateException if the database cannot be reached
     */
    public static boolean isUpToDate(DataSource dataSource, String schema) {
        requireValidName(schema);
        try (Connection c = dataSource.getConnection()) {
            if (!historyExists(c, schema)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("SELECT count(DISTINCT version) FROM " + quote(schema) + "."
                    + HISTORY_TABLE + " WHERE success AND version = ANY (?)")) {
                Array versions = c.createArrayOf("text", VERSIONS.toArray());
                s.setArray(1, versions);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == VERSIONS.size();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the batchtrack schema version of schema " + schema + ": "
                    + e.getMessage(), e);
        }
    }

    /** The newest version applied in {@code schema}, empty if batchtrack's tables were never created there. */
    public static Optional<String> currentVersion(DataSource dataSource, String schema) {
        requireValidName(schema);
        try (Connection c = dataSource.getConnection()) {
            if (!historyExists(c, schema)) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT version FROM " + quote(schema) + "." + HISTORY_TABLE
                    + " WHERE success AND version IS NOT NULL AND version <> '0' ORDER BY installed_rank DESC LIMIT 1");
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the batchtrack schema version of schema " + schema + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean historyExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, quote(schema) + "." + HISTORY_TABLE);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Checks a schema name: {@link #SCHEMA_RULE}, and not {@code pg_...}, which PostgreSQL reserves.
     *
     * @return the name
     * @throws IllegalArgumentException naming the value and the rule
     */
    public static String requireValidName(String schema) {
        if (!isPlainIdentifier(schema)) {
            throw new IllegalArgumentException("schema " + Text.quote(schema) + " is not a valid schema name: it must"
                    + " match " + SCHEMA_RULE + " (lower-case letters, digits and _, not starting with a digit,"
                    + " at most 63 characters)");
        }
        if (schema.startsWith("pg_")) {
            throw new IllegalArgumentException("schema " + Text.quote(schema)
                    + " is not a valid schema name: PostgreSQL reserves the prefix pg_ for its own schemas");
        }
        return schema;
    }

    /** {@link #SCHEMA_RULE}, written out: java.util.regex alone costs a cold JVM ~20 ms of class loading. */
    private static boolean isPlainIdentifier(String s) {
        if (s == null || s.isEmpty() || s.length() > 63) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** The validated name, quoted for use in SQL. */
    static String quote(String schema) {
        return '"' + requireValidName(schema) + '"';
    }

    /**
     * What {@link #migrate} did.
     *
     * @param schema the schema
     * @param version the version the schema is at now
     * @param migrationsApplied migrations applied by this call; 0 if it was up to date
     */
    public record MigrationResult(String schema, String version, int migrationsApplied) {
        /** Whether this call changed the schema. */
        public boolean changed() {
            return migrationsApplied > 0;
        }
    }
}
