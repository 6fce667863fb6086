package io.batchtrack.examples.nfl.db;

import io.batchtrack.config.TrackerConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections to the database that holds the example's {@code nfl} tables. */
@FunctionalInterface
public interface ConnectionSource {

    Connection open() throws SQLException;

    /**
     * The tracker's own database settings, so the example's tables sit beside {@code batch_runs}:
     * {@code jdbc.url} and {@code jdbc.user} (system property {@code batchtrack.jdbc.url}, environment
     * {@code BATCHTRACK_JDBC_URL}, ...) and the password from {@code BATCHTRACK_JDBC_PASSWORD} or
     * {@code jdbc.password-file}.
     *
     * @throws io.batchtrack.config.ConfigException if {@code jdbc.url} is not set or the password is misplaced
     */
    static ConnectionSource fromConfig(TrackerConfig config) {
        String url = config.require("jdbc.url");
        Properties properties = new Properties();
        config.get("jdbc.user").ifPresent(user -> properties.setProperty("user", user));
        config.password().ifPresent(password -> properties.setProperty("password", password));
        return () -> DriverManager.getConnection(url, properties);
    }
}
