package io.batchtrack.jdbi.internal;

import io.batchtrack.config.ConfigException;
import java.util.Locale;

/** Checks of the {@code jdbc.url} key; never echoes the URL's parameters, which may hold secrets. */
public final class JdbcUrls {
    public static final String PREFIX = "jdbc:postgresql:";

    private JdbcUrls() {}

    /** @throws ConfigException naming {@code key} if the URL is not PostgreSQL's or carries a password */
    public static String require(String key, String url) {
        if (!url.startsWith(PREFIX)) {
            throw new ConfigException(key, "'" + redact(url) + "' is not a PostgreSQL JDBC URL (expected "
                    + PREFIX + "//host:port/database)");
        }
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new ConfigException(key, "must not contain a password; set the environment variable"
                    + " BATCHTRACK_JDBC_PASSWORD or the key jdbc.password-file");
        }
        return url;
    }

    /**
     * The redacted URL a data source connects to, if it can say: PostgreSQL's own data sources and
     * HikariCP pools (over a URL or over one of those). Null otherwise.
     */
    public static String of(javax.sql.DataSource dataSource) {
        try {
            if (dataSource instanceof org.postgresql.ds.common.BaseDataSource pg) {
                return redact(pg.getUrl());
            }
            if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
                return hikari.getJdbcUrl() != null ? redact(hikari.getJdbcUrl())
                        : hikari.getDataSource() != null ? of(hikari.getDataSource()) : null;
            }
            if (dataSource != null && dataSource.isWrapperFor(org.postgresql.ds.common.BaseDataSource.class)) {
                return redact(dataSource.unwrap(org.postgresql.ds.common.BaseDataSource.class).getUrl());
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The URL without its parameters, for messages. */
    public static String redact(String url) {
        int q = url.indexOf('?');
        String head = q < 0 ? url : url.substring(0, q) + "?…";
        return head.length() > 200 ? head.substring(0, 200) + "…" : head;
    }
}
