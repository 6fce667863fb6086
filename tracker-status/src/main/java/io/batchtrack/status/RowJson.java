package io.batchtrack.status;

import io.batchtrack.jdbi.BatchRun;
import io.batchtrack.jdbi.DataReadiness;
import io.batchtrack.status.internal.StatusJson;

/**
 * One row as the endpoints answer it: a JSON object whose field names are the columns of
 * {@code batch_runs} or {@code data_readiness}, in table order; times ISO-8601 UTC, absent values
 * {@code null}. The command line's {@code --json} prints the same objects, so a script reads the
 * same names from either.
 */
public final class RowJson {
    private RowJson() {}

    /** One {@code batch_runs} row, as {@code GET /api/admin/batch-runs/latest} answers it. */
    public static String run(BatchRun run) {
        return StatusJson.run(run);
    }

    /** One {@code data_readiness} row, as {@code GET /api/admin/data-readiness/current} answers it. */
    public static String readiness(DataReadiness readiness) {
        return StatusJson.readiness(readiness);
    }
}
