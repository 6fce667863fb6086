package io.batchtrack.examples.spring;

import java.io.PrintStream;
import org.springframework.jdbc.core.JdbcTemplate;

/** batchtrack's rows of the application's runs, and Spring Batch's own row of its job, as text. */
final class RunsTable {
    private static final String FORMAT = "%-22s %-5s %-11s %-8s %-6s %-5s %-6s %-8s %s%n";

    private RunsTable() {}

    static void print(JdbcTemplate sql, PrintStream out) {
        out.printf(FORMAT, "type", "mode", "period", "status", "games", "odds", "preds", "skipped", "warnings");
        sql.query("SELECT batch_type, coalesce(batch_mode, '') AS mode, season_year || '/' || season_type || '/' || week"
                + " AS period, status, games_processed, odds_synced, predictions_generated,"
                + " coalesce(custom_metrics->>'skip_count', '') AS skipped, jsonb_array_length(warnings) AS warnings"
                + " FROM batch_runs ORDER BY started_at",
                rs -> {
                    out.printf(FORMAT, rs.getString("batch_type"), rs.getString("mode"), rs.getString("period"),
                            rs.getString("status"), rs.getLong("games_processed"), rs.getLong("odds_synced"),
                            rs.getLong("predictions_generated"), rs.getString("skipped"), rs.getInt("warnings"));
                });
        sql.query("SELECT batch_type, w->>'stage' AS stage, w->>'message' AS message FROM batch_runs,"
                + " jsonb_array_elements(warnings) w ORDER BY started_at", rs -> {
                    out.println("warning of " + rs.getString("batch_type") + ", stage " + rs.getString("stage") + ": "
                            + rs.getString("message"));
                });
        out.println();
        sql.query("SELECT i.job_name, e.status FROM batch_job_execution e JOIN batch_job_instance i"
                + " ON i.job_instance_id = e.job_instance_id ORDER BY e.job_execution_id", rs -> {
                    out.println("Spring Batch's own row: " + rs.getString("job_name") + " " + rs.getString("status"));
                });
    }
}
