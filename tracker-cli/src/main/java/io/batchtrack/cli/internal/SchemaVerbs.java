package io.batchtrack.cli.internal;

import io.batchtrack.jdbi.BatchRunQueries;
import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.jdbi.LostRecords;
import java.util.List;

/** {@code migrate} and {@code status}: the schema's version, applied or reported; status also lists lost records. */
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
        if (version != null && Integer.parseInt(version) >= 5) {
            lostRecords(in, db);
        }
        return 0;
    }

    /** What batch JVMs reported lost ({@code batch_losses}): one line per JVM and kind, newest first. */
    private static void lostRecords(Invocation in, Database db) {
        List<LostRecords> losses = BatchRunQueries.create(db.dataSource(), db.schema()).losses(100);
        if (losses.isEmpty()) {
            in.out().println("lost records: none reported");
            return;
        }
        long total = 0;
        for (LostRecords l : losses) {
            total += l.lost();
        }
        in.out().println("lost records: " + total + " (by host, process and kind; newest report first)");
        for (LostRecords l : losses) {
            in.out().println("  " + l.lost() + " " + l.kind() + " by pid " + l.pid() + " on " + l.host()
                    + ", last reported " + l.reportedAt());
        }
    }
}
