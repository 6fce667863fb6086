package io.batchtrack.jdbi.internal;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.spi.RunStore;
import io.batchtrack.spi.RunStoreProvider;

/** {@code store=jdbc}: the PostgreSQL store, built by {@link PostgresRunStore#fromConfig}. */
public final class JdbcRunStoreProvider implements RunStoreProvider {

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public RunStore create(TrackerConfig config) {
        return PostgresRunStore.fromConfig(config);
    }
}
