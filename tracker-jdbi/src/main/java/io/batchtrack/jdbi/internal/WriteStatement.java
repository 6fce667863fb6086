package io.batchtrack.jdbi.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One of the store's own statements on a run's path (open, heartbeat, close, readiness upsert), written
 * with {@code :name} parameters like every statement in {@link Sql} and run over plain JDBC.
 *
 * <p>Why not Jdbi here, as everywhere else in the store: measured through the agent (benchmarks'
 * {@code AgentRunCost}, a JFR profile of the batch thread), most of a run's own CPU went into Jdbi's
 * per-statement machinery — handle creation, the configuration registry, argument-factory lookup for
 * every bound value, the SQL template and parser caches — for three statements per run. The store's
 * write statements are fixed text known when the store is built, so they are turned into JDBC's
 * positional form once, here, and bound by position with the types PostgreSQL expects. Queries, the
 * operator's readiness SQL and maintenance keep Jdbi.
 *
 * <p>The conversion knows only what {@link Sql} writes: {@code :name} outside quoted text, and
 * PostgreSQL's {@code ::type} casts left alone.
 */
public final class WriteStatement {
    private final String sql;
    private final Map<String, int[]> positions;
    private final int count;

    public WriteStatement(String namedSql) {
        StringBuilder out = new StringBuilder(namedSql.length());
        Map<String, List<Integer>> found = new HashMap<>();
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < namedSql.length(); i++) {
            char c = namedSql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == ':' && i + 1 < namedSql.length() && namedSql.charAt(i + 1) == ':') {
                out.append("::");
                i++;
                continue;
            } else if (!quoted && c == ':' && i + 1 < namedSql.length() && isNameStart(namedSql.charAt(i + 1))) {
                int end = i + 1;
                while (end < namedSql.length() && isNamePart(namedSql.charAt(end))) {
                    end++;
                }
                found.computeIfAbsent(namedSql.substring(i + 1, end), k -> new ArrayList<>()).add(++n);
                out.append('?');
                i = end - 1;
                continue;
            }
            out.append(c);
        }
        this.sql = out.toString();
        this.count = n;
        this.positions = new HashMap<>();
        found.forEach((name, at) -> positions.put(name, at.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /** The positional SQL, for tests and messages. */
    public String sql() {
        return sql;
    }

    /** A fresh set of values for one execution. */
    public Values values() {
        return new Values(this);
    }

    /** The values of one execution, set by name; every parameter must be set before it runs. */
    public static final class Values {
        private final WriteStatement statement;
        private final Object[] values;
        private final int[] types;
        private final boolean[] set;

        private Values(WriteStatement statement) {
            this.statement = statement;
            this.values = new Object[statement.count];
            this.types = new int[statement.count];
            this.set = new boolean[statement.count];
        }

        public Values string(String name, String value) {
            return put(name, value, Types.VARCHAR);
        }

        public Values integer(String name, int value) {
            return put(name, value, Types.INTEGER);
        }

        public Values bigint(String name, Long value) {
            return put(name, value, Types.BIGINT);
        }

        public Values bool(String name, Boolean value) {
            return put(name, value, Types.BOOLEAN);
        }

        public Values uuid(String name, UUID value) {
            return put(name, value, Types.OTHER);
        }

        /** A {@code timestamptz}, bound as an offset date-time in UTC, never through the JVM's default zone. */
        public Values timestamp(String name, Instant value) {
            return put(name, value == null ? null : value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }

        private Values put(String name, Object value, int type) {
            int[] at = statement.positions.get(name);
            if (at == null) {
                throw new IllegalArgumentException("no parameter :" + name + " in " + statement.sql);
            }
            for (int p : at) {
                values[p - 1] = value;
                types[p - 1] = type;
                set[p - 1] = true;
            }
            return this;
        }

        /** Runs the statement on {@code connection}; returns the update count. */
        public int update(Connection connection) throws SQLException {
            try (PreparedStatement ps = prepare(connection)) {
                return ps.executeUpdate();
            }
        }

        /** Runs a statement that returns one column of UUIDs (a {@code RETURNING id}, a {@code SELECT id}). */
        public List<UUID> uuids(Connection connection) throws SQLException {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = prepare(connection); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }

        /** Runs a statement that returns one number (a {@code count(*)}). */
        public long number(Connection connection) throws SQLException {
            try (PreparedStatement ps = prepare(connection); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }

        private PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement ps = connection.prepareStatement(statement.sql);
            try {
                for (int i = 0; i < values.length; i++) {
                    if (!set[i]) {
                        throw new IllegalStateException("parameter " + (i + 1) + " of " + statement.sql + " is not set");
                    }
                    if (values[i] == null) {
                        ps.setNull(i + 1, types[i]);
                    } else {
                        ps.setObject(i + 1, values[i], types[i]);
                    }
                }
                return ps;
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
        }
    }
}
