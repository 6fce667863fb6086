package io.batchtrack.cli.internal;

import io.batchtrack.config.EngineSettings;
import io.batchtrack.jdbi.RunMaintenance;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** {@code sweep} and {@code purge}: runs of dead processes marked abandoned, old runs deleted. */
final class MaintenanceVerbs {
    static final String STALE_LIMIT = "--stale-limit";
    static final String OLDER_THAN = "--older-than";
    static final String BATCH_SIZE = "--batch-size";

    private MaintenanceVerbs() {}

    static int sweep(Invocation in) {
        Duration given = in.options().duration(STALE_LIMIT);
        Database db = in.database();
        Duration staleLimit = given != null ? given : EngineSettings.staleLimit(in.config());
        db.requireUpToDate();
        List<UUID> swept = RunMaintenance.create(db.dataSource(), db.schema()).sweepAbandoned(staleLimit);
        in.out().println(db.where() + ": marked " + swept.size() + " run(s) abandoned"
                + (swept.isEmpty() ? "" : ": " + swept));
        return 0;
    }

    static int purge(Invocation in) {
        Duration olderThan = in.options().duration(OLDER_THAN);
        if (olderThan == null) {
            throw new UsageException("purge needs --older-than, for example --older-than P90D");
        }
        Integer size = in.options().integer(BATCH_SIZE);
        int batchSize = size == null ? RunMaintenance.DEFAULT_PURGE_BATCH : size;
        Database db = in.database();
        db.requireUpToDate();
        long deleted = RunMaintenance.create(db.dataSource(), db.schema()).purge(olderThan, batchSize);
        in.out().println(db.where() + ": deleted " + deleted + " finished run(s) older than "
                + in.options().given(OLDER_THAN) + " (data_readiness kept)");
        return 0;
    }
}
