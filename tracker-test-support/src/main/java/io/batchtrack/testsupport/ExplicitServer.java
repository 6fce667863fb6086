package io.batchtrack.testsupport;

/** A server named by {@code batchtrack.test.jdbc-url} (with {@code .user} and {@code .password}). */
final class ExplicitServer extends PostgresServer {
    private final String url;
    private final String user;
    private final String password;

    ExplicitServer(String url, String user, String password) {
        JdbcUrls.withDatabase(url, "probe"); // validates
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public Kind kind() {
        return Kind.EXPLICIT_URL;
    }

    @Override
    String urlOf(String database) {
        return JdbcUrls.withDatabase(url, database);
    }

    @Override
    String adminDatabase() {
        return JdbcUrls.databaseOf(url);
    }

    @Override
    String user() {
        return user;
    }

    @Override
    String password() {
        return password;
    }
}
