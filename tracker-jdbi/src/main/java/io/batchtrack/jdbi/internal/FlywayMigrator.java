package io.batchtrack.jdbi.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** The only class that touches Flyway, so Flyway loads only when the schema must change. */
public final class FlywayMigrator {
    private FlywayMigrator() {}

    /** Applies pending migrations; returns how many. */
    public static int migrate(DataSource dataSource, String schema, String historyTable, String location) {
        try {
            MigrateResult result = Flyway.configure(FlywayMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .table(historyTable)
                    .locations("classpath:" + location)
                    // a schema that already holds the application's tables gets a baseline at 0,
                    // below our first migration, so version 1 still runs
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("<< batchtrack baseline >>")
                    .group(true)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new IllegalStateException("batchtrack schema migration of schema " + schema + " failed: "
                    + e.getMessage(), e);
        }
    }
}
