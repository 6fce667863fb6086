package io.batchtrack.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The store's data source: given (and then never closed by the store), or built from configuration. */
@FunctionalInterface
interface DataSourceFactory {
    DataSource create();

    /** Whether the store built the data source, and so closes it (and may name its settings in errors). */
    default boolean owned() {
        return true;
    }

    /** Logs in once, without the pool; nothing for a data source the application gave. */
    default void checkLogin() throws SQLException {}

    static DataSourceFactory fromSettings(StoreSettings settings) {
        return new DataSourceFactory() {
            @Override
            public DataSource create() {
                return settings.pooledDataSource();
            }

            @Override
            public void checkLogin() throws SQLException {
                try (Connection c = settings.unpooledDataSource().getConnection()) {
                    // logged in: the pool will be too
                }
            }
        };
    }

    static DataSourceFactory given(DataSource dataSource) {
        return new DataSourceFactory() {
            @Override
            public DataSource create() {
                return dataSource;
            }

            @Override
            public boolean owned() {
                return false;
            }
        };
    }
}
