package io.batchtrack.cli.internal;

import io.batchtrack.jdbi.BatchtrackSchema;

/** {@code migrate} and {@code status}: the schema's version, applied or reported. */
final class SchemaVerbs {
    private SchemaVerbs() {}

    static int migrate(Invocation in) {
        Database db = in.database();
        BatchtrackSchema.MigrationResult result = BatchtrackSchema.migrate(db.dataSource(), db.schema());
        in.out().println(result.changed()
                ? db.where() + ": applied " + result.migrationsApplied() + " migration(s), now at version "
                        + result.version()
                : db.where() + ": already at version " + result.version() + ", nothing to do");
        return 0;
    }

    static int status(Invocation in) {
        Database db = in.database();
        String version = BatchtrackSchema.currentVersion(db.dataSource(), db.schema()).orElse(null);
        String latest = BatchtrackSchema.latestVersion();
        in.out().println(version == null ? db.where() + ": no batchtrack tables (run: batchtrack migrate)"
                : db.where() + ": version " + version + (version.equals(latest) ? " (up to date)"
                        : " (this build knows " + latest + ")"));
        return 0;
    }
}
