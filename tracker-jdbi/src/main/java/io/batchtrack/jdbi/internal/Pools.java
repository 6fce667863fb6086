package io.batchtrack.jdbi.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.batchtrack.config.ConfigException;
import org.postgresql.ds.PGSimpleDataSource;

/** Data sources from configuration. Neither opens a connection when it is built. */
public final class Pools {
    private Pools() {}

    /**
     * One connection per {@code getConnection()}: for the migrate command. Connects through the
     * driver directly, never through {@code DriverManager} (see {@link DriverDataSource}).
     */
    public static PGSimpleDataSource unpooled(String url, String user, String password, int timeoutMillis) {
        PGSimpleDataSource ds = new DriverDataSource();
        try {
            ds.setURL(url);
        } catch (RuntimeException e) {
            // the driver's message repeats the URL
            throw new ConfigException("jdbc.url", "'" + JdbcUrls.redact(url) + "' cannot be parsed by the PostgreSQL"
                    + " driver");
        }
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        int seconds = Math.max(1, (timeoutMillis + 999) / 1000);
        ds.setConnectTimeout(seconds);
        ds.setLoginTimeout(seconds);
        ds.setApplicationName("batchtrack");
        return ds;
    }

    /**
     * A HikariCP pool over {@link #unpooled}. Lazy: the pool starts on the first
     * {@code getConnection()}, and it keeps trying in the background while the database is
     * down, so it recovers by itself when the database comes back.
     */
    public static HikariDataSource pooled(String url, String user, String password, int size, int timeoutMillis) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(unpooled(url, user, password, timeoutMillis));
        pool.setPoolName("batchtrack");
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(timeoutMillis);
        pool.setValidationTimeout(Math.max(250, Math.min(5_000, timeoutMillis)));
        pool.setInitializationFailTimeout(-1);
        return pool;
    }
}
