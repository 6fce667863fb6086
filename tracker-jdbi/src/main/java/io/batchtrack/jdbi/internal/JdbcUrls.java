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

    /** The URL without its parameters, for messages. */
    public static String redact(String url) {
        int q = url.indexOf('?');
        String head = q < 0 ? url : url.substring(0, q) + "?…";
        return head.length() > 200 ? head.substring(0, 200) + "…" : head;
    }
}
