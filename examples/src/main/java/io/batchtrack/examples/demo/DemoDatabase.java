package io.batchtrack.examples.demo;

import io.batchtrack.config.TrackerConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The database of the demo: the one configured, or an embedded PostgreSQL that lives as long as the demo. */
final class DemoDatabase implements AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final String trackerSchema;
    private final EmbeddedPostgres embedded;
    private final String passwordFile;

    private DemoDatabase(String url, String user, String password, String trackerSchema, EmbeddedPostgres embedded,
            String passwordFile) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.trackerSchema = trackerSchema;
        this.embedded = embedded;
        this.passwordFile = passwordFile;
    }

    static DemoDatabase open(Demo.Options options, PrintStream out) throws IOException {
        TrackerConfig config = TrackerConfig.fromEnvironment();
        String schema = config.get("schema", "public");
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("batchtrack schema '" + schema + "' is not a plain identifier");
        }
        String url = options.jdbcUrl() != null ? options.jdbcUrl() : config.get("jdbc.url").orElse(null);
        if (url != null) {
            String user = options.jdbcUser() != null ? options.jdbcUser() : config.get("jdbc.user").orElse(null);
            out.println("== using the database at " + url);
            return new DemoDatabase(url, user, config.password().orElse(null), schema, null,
                    config.get("jdbc.password-file").orElse(null));
        }
        out.println("== starting an embedded PostgreSQL");
        EmbeddedPostgres pg = EmbeddedPostgres.start();
        String embeddedUrl = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
        out.println("   " + embeddedUrl + " (user postgres), stopped when the demo ends");
        return new DemoDatabase(embeddedUrl, "postgres", null, schema, pg, null);
    }

    /**
     * What a forked JVM needs to reach the database. A password in {@code BATCHTRACK_JDBC_PASSWORD} is
     * inherited with the rest of this environment; a password file is passed by name, never its content.
     */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", url);
        if (user != null) {
            env.put("BATCHTRACK_JDBC_USER", user);
        }
        if (passwordFile != null) {
            env.put("BATCHTRACK_JDBC_PASSWORD_FILE", passwordFile);
        }
        return env;
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url, p);
    }

    String trackerSchema() {
        return trackerSchema;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
