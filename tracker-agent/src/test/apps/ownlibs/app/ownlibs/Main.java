package app.ownlibs;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.io.File;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;

/**
 * An application with its own PostgreSQL driver, Jdbi and HikariCP, older than the agent's, which
 * it uses against the database the agent records in: through DriverManager before and after the
 * tracked call, and through its own pool and Jdbi inside it. Arguments: JDBC URL and user; the
 * password, if any, is BATCHTRACK_JDBC_PASSWORD.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = System.getenv("BATCHTRACK_JDBC_PASSWORD");
        System.out.println("driver.jar=" + jarOf(org.postgresql.Driver.class));
        System.out.println("jdbi.jar=" + jarOf(Jdbi.class));
        System.out.println("hikari.jar=" + jarOf(HikariDataSource.class));
        System.out.println("before.connection.jar=" + connectionJar(url, user, password));
        System.out.println("tracked.result=" + writeNotes(url, user, password));
        System.out.println("after.connection.jar=" + connectionJar(url, user, password));
        List<String> drivers = new ArrayList<String>();
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            drivers.add(d.getClass().getName());
        }
        System.out.println("drivers=" + drivers);
    }

    @TrackedBatch(type = "own_libraries")
    static int writeNotes(String url, String user, String password) throws Exception {
        System.out.println("track.inside=" + Tracker.current().runId().map(Object::toString).orElse("none"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Jdbi jdbi = Jdbi.create(pool);
            jdbi.useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS app_notes (note text NOT NULL)"));
            int written = jdbi.withHandle(h -> h.execute("INSERT INTO app_notes VALUES (?), (?)", "one", "two"));
            Tracker.current().increment("notes_written", written);
            try (Connection c = pool.getConnection()) {
                System.out.println("pool.connection.jar=" + jarOf(c.unwrap(PGConnection.class).getClass()));
            }
            return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM app_notes").mapTo(Integer.class).one());
        }
    }

    /** The jar of the connection DriverManager hands out, found through the application's own PGConnection. */
    static String connectionJar(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return c.isWrapperFor(PGConnection.class) ? jarOf(c.unwrap(PGConnection.class).getClass())
                    : "not the application's driver: " + c.getClass().getName();
        }
    }

    static String jarOf(Class<?> type) throws Exception {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getName();
    }
}
