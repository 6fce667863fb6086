package io.batchtrack.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server of this JVM's tests, shared by all of them. Only the embedded server
 * can be {@link #stop() stopped} and {@link #start() started} again (same port, same data), for
 * tests of what happens when the database goes away; such a test must start it again before it
 * ends, because every other test uses the same server.
 */
public abstract class PostgresServer {

    /** Where the server comes from, in order of preference. */
    public enum Kind {
        /** The server named by the system property {@code batchtrack.test.jdbc-url}. */
        EXPLICIT_URL,
        /** A Testcontainers container, when a Docker engine answers. */
        TESTCONTAINERS,
        /** PostgreSQL binaries from Maven (io.zonky.test), run as a child process. */
        EMBEDDED
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    PostgresServer() {}

    public abstract Kind kind();

    /** Whether {@link #stop()} and {@link #start()} are supported. */
    public boolean canRestart() {
        return false;
    }

    /**
     * Stops the server; open connections break and new ones are refused until {@link #start()}.
     *
     * @throws UnsupportedOperationException unless {@link #canRestart()}
     */
    public void stop() {
        throw new UnsupportedOperationException(kind() + " server cannot be stopped by a test");
    }

    /**
     * Starts a stopped server on the same port with the same data; does nothing if it runs.
     *
     * @throws UnsupportedOperationException unless {@link #canRestart()}
     */
    public void start() {
        throw new UnsupportedOperationException(kind() + " server cannot be restarted by a test");
    }

    /** Whether the server is accepting connections, as far as this JVM knows. */
    public boolean isRunning() {
        return true;
    }

    /** A JDBC URL of {@code database} on this server. */
    abstract String urlOf(String database);

    /** The database that administrative statements (CREATE DATABASE) connect to. */
    abstract String adminDatabase();

    abstract String user();

    abstract String password();

    DataSource adminDataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(urlOf(adminDatabase()));
        ds.setUser(user());
        ds.setPassword(password());
        ds.setConnectTimeout(10);
        return ds;
    }

    /**
     * The group whose members must log in with their password: {@link PostgresDatabase#createLoginRole}
     * makes its roles members. Other connections of the tests keep the server's own rules.
     */
    static final String PASSWORD_GROUP = "batchtrack_password_login";

    /**
     * Makes the server ask members of {@link #PASSWORD_GROUP} for their password, if it does not
     * already (a server that trusts local connections lets any password in). Called once the group
     * exists. A container or an explicit server is expected to ask already.
     */
    void requirePasswordsForGroup() {}

    /**
     * Creates a login role with {@code password}, a member of {@link #PASSWORD_GROUP}, and makes sure
     * the server asks for its password. Roles are cluster-wide: the name is generated.
     */
    synchronized String createPasswordRole(String password) {
        execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + PASSWORD_GROUP + "') THEN"
                + " CREATE ROLE " + PASSWORD_GROUP + " NOLOGIN; END IF; END $$");
        requirePasswordsForGroup();
        String name = databaseName("role", SEQUENCE.incrementAndGet(), ThreadLocalRandom.current().nextInt(1 << 24));
        execute("CREATE ROLE " + name + " LOGIN IN ROLE " + PASSWORD_GROUP + " PASSWORD '" + password.replace("'", "''")
                + "'");
        return name;
    }

    /** Runs one administrative statement on the admin database. */
    void executeAsAdmin(String sql) {
        execute(sql);
    }

    /** Creates an empty database with a generated name derived from {@code hint}. */
    PostgresDatabase createDatabase(String hint) {
        String name = databaseName(hint, SEQUENCE.incrementAndGet(), ThreadLocalRandom.current().nextInt(1 << 24));
        execute("CREATE DATABASE " + name);
        return new PostgresDatabase(name, urlOf(name), user(), password(), this);
    }

    /** Drops a database, ending the sessions still connected to it. */
    void dropDatabase(String name) {
        if (!isRunning()) {
            System.getLogger(PostgresExtension.class.getName()).log(System.Logger.Level.WARNING,
                    "database " + name + " not dropped: the server was left stopped");
            return;
        }
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Drops roles made by {@link #createPasswordRole}, once the database they were used in is gone. */
    void dropRoles(java.util.List<String> roles) {
        if (!isRunning()) {
            return;
        }
        for (String role : roles) {
            execute("DROP ROLE IF EXISTS " + role);
        }
    }

    private void execute(String sql) {
        try (Connection c = adminDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on the " + this + ": " + e.getMessage(), e);
        }
    }

    /**
     * A database name that is safe without quoting: {@code bt_<hint>_<n>_<random>}, lower case,
     * at most 63 characters (PostgreSQL's limit).
     */
    static String databaseName(String hint, int sequence, int random) {
        StringBuilder b = new StringBuilder("bt_");
        for (int i = 0; i < hint.length() && b.length() < 40; i++) {
            char c = Character.toLowerCase(hint.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
            } else if (b.charAt(b.length() - 1) != '_') {
                b.append('_');
            }
        }
        return b.append('_').append(sequence).append('_').append(String.format("%06x", random & 0xFFFFFF))
                .toString();
    }

    @Override
    public String toString() {
        return kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " PostgreSQL at "
                + urlOf(adminDatabase());
    }
}
