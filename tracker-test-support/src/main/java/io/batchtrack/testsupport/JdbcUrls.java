package io.batchtrack.testsupport;

/** Rewrites the database of a PostgreSQL JDBC URL, keeping hosts and parameters. */
final class JdbcUrls {
    static final String PREFIX = "jdbc:postgresql:";

    private JdbcUrls() {}

    /**
     * {@code jdbc:postgresql://h:5432/app?ssl=true} with {@code bt_x} gives
     * {@code jdbc:postgresql://h:5432/bt_x?ssl=true}.
     *
     * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL
     */
    static String withDatabase(String url, String database) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (expected " + PREFIX + "//host:port/db)");
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String query = q < 0 ? "" : rest.substring(q);
        String path = q < 0 ? rest : rest.substring(0, q);
        if (!path.startsWith("//")) {
            return PREFIX + database + query;
        }
        int slash = path.indexOf('/', 2);
        String hosts = slash < 0 ? path : path.substring(0, slash);
        return PREFIX + hosts + "/" + database + query;
    }

    /** The database a URL names, or {@code postgres} when it names none. */
    static String databaseOf(String url) {
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        if (!path.startsWith("//")) {
            return path.isEmpty() ? "postgres" : path;
        }
        int slash = path.indexOf('/', 2);
        String db = slash < 0 ? "" : path.substring(slash + 1);
        return db.isEmpty() ? "postgres" : db;
    }
}
