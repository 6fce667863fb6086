package io.batchtrack.testsupport;

import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One fresh, empty database that belongs to one test (or one test class); dropped afterwards.
 * Injected by {@link PostgresExtension}.
 */
public final class PostgresDatabase {
    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final PostgresServer server;
    private final java.util.List<String> roles = new java.util.ArrayList<>();

    PostgresDatabase(String name, String jdbcUrl, String user, String password, PostgresServer server) {
        this.name = Objects.requireNonNull(name, "name");
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = password == null ? "" : password;
        this.server = Objects.requireNonNull(server, "server");
    }

    /** The database's name, a safe identifier such as {@code bt_runstoretest_3_9f2c1a}. */
    public String name() {
        return name;
    }

    /** A JDBC URL of this database, without user or password. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    /** The password; empty when the server trusts local connections. */
    public String password() {
        return password;
    }

    /** A new unpooled data source of this database; each connection is a new session. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        ds.setUser(user);
        ds.setPassword(password);
        ds.setConnectTimeout(10);
        return ds;
    }

    /**
     * A new login role that must give {@code password} (the server is made to ask for it) and owns
     * this database, so it can create batchtrack's schema and tables: a wrong password is refused
     * with SQLSTATE 28P01. Dropped with the database.
     */
    public String createOwnerRole(String password) {
        String role = createRole(password);
        server.executeAsAdmin("ALTER DATABASE " + name + " OWNER TO " + role);
        return role;
    }

    /**
     * A new login role that must give {@code password} and may connect to this database but has no
     * privilege on its tables: what it reads or writes is refused with SQLSTATE 42501. Dropped with
     * the database.
     */
    public String createUnprivilegedRole(String password) {
        return createRole(password);
    }

    private synchronized String createRole(String password) {
        Objects.requireNonNull(password, "password");
        String role = server.createPasswordRole(password);
        roles.add(role);
        return role;
    }

    /** Roles made for this database, dropped after it. */
    java.util.List<String> roles() {
        return java.util.List.copyOf(roles);
    }

    /** The server this database lives on (shared by every test of the JVM). */
    public PostgresServer server() {
        return server;
    }

    @Override
    public String toString() {
        return "PostgresDatabase[" + name + " on " + server + "]";
    }
}
