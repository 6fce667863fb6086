package io.batchtrack.cli.internal;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.jdbi.StoreSettings;
import javax.sql.DataSource;

/** The store's database for one command: one connection per statement, no pool. */
public final class Database {
    private final StoreSettings settings;
    private final DataSource dataSource;

    private Database(StoreSettings settings) {
        this.settings = settings;
        this.dataSource = settings.unpooledDataSource();
    }

    /** @throws io.batchtrack.config.ConfigException naming the key (the config file's first) that cannot be used */
    static Database of(TrackerConfig config) {
        config.requireReadableFile();
        return new Database(StoreSettings.from(config));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String schema() {
        return settings.schema();
    }

    /** {@code schema public at jdbc:postgresql://db:5432/nfl}, the prefix of every verb's report. */
    public String where() {
        return "schema " + settings.schema() + " at " + settings.redactedUrl();
    }

    /** @throws IllegalStateException if the schema is not at this build's version */
    public void requireUpToDate() {
        if (!BatchtrackSchema.isUpToDate(dataSource, settings.schema())) {
            throw new IllegalStateException("schema " + settings.schema() + " is not at batchtrack version "
                    + BatchtrackSchema.latestVersion() + ": run batchtrack migrate first");
        }
    }

    /** The query API over an up-to-date schema. */
    public BatchRunQueries queries() {
        requireUpToDate();
        return BatchRunQueries.create(dataSource, settings.schema());
    }
}
