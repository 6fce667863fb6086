package io.batchtrack.jdbi.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A {@link PGSimpleDataSource} that connects through its own {@link Driver} instead of
 * {@link java.sql.DriverManager}. The plain data source asks {@code DriverManager}, which hands out
 * whichever registered driver accepts the URL first: inside the agent, where this driver is
 * relocated, that could be the application's driver, and the application's own
 * {@code DriverManager.getConnection} could get ours. Asking our driver directly keeps the store on
 * the driver it was built with, whatever else is registered, and works when it is not registered.
 */
final class DriverDataSource extends PGSimpleDataSource {
    private static final Driver DRIVER = new Driver();

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        // what DriverManager.getConnection(url, user, password) would pass to the driver
        Properties info = new Properties();
        if (user != null) {
            info.setProperty("user", user);
        }
        if (password != null) {
            info.setProperty("password", password);
        }
        Connection c = DRIVER.connect(getUrl(), info);
        if (c == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + JdbcUrls.redact(getUrl()), "08001");
        }
        return c;
    }
}
