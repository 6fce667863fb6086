package io.batchtrack.agent.testing;

import io.batchtrack.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.util.PGobject;

/** What a forked application left in PostgreSQL, and how to point the agent at it. */
public final class Database {
    private final PostgresDatabase db;
    private final String schema;

    /** @param schema the tracker's schema, a plain identifier */
    public Database(PostgresDatabase db, String schema) {
        this.db = db;
        this.schema = schema;
    }

    /** Agent arguments for this database and schema; the password goes in the environment ({@link #password}). */
    public String agentArguments() {
        return "jdbc.url=" + db.jdbcUrl() + ",jdbc.user=" + db.user() + ",schema=" + schema;
    }

    /** Runs {@code app} against this database: the agent's arguments plus {@code extra}, the password in the environment. */
    public Forked configure(Forked app, String extra) {
        app.agent(agentArguments() + (extra == null || extra.isEmpty() ? "" : "," + extra));
        return password(app);
    }

    /** Puts the password, if the server wants one, in the child's {@code BATCHTRACK_JDBC_PASSWORD}. */
    public Forked password(Forked app) {
        if (!db.password().isEmpty()) {
            app.env("BATCHTRACK_JDBC_PASSWORD", db.password());
        }
        return app;
    }

    public PostgresDatabase database() {
        return db;
    }

    public String schema() {
        return schema;
    }

    /** Each row of {@code sql} ({@code {schema}} stands for the quoted schema) as column name → value. */
    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql.replace("{schema}", '"' + schema + '"'))) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        // uuid and jsonb as text, to compare with what the application printed and to parse
                        row.put(md.getColumnLabel(i), v instanceof UUID || v instanceof PGobject ? v.toString() : v);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The one {@code batch_runs} row with this id. */
    public Map<String, Object> run(String id) {
        List<Map<String, Object>> found = rows("SELECT * FROM {schema}.batch_runs WHERE id = ?::uuid", id);
        if (found.size() != 1) {
            throw new AssertionError("expected one batch_runs row with id " + id + " in schema " + schema + ", found "
                    + found.size() + ": " + rows("SELECT id, batch_type, status FROM {schema}.batch_runs"));
        }
        return found.get(0);
    }

    /** The {@code data_readiness} row of a regular-season week, or null. */
    public Map<String, Object> readiness(int season, int week) {
        List<Map<String, Object>> found = rows("SELECT * FROM {schema}.data_readiness WHERE season_year = ? AND week = ?"
                + " AND season_type = 'reg'", season, week);
        return found.isEmpty() ? null : found.get(0);
    }
}
