package io.batchtrack.jdbi.internal;

/**
 * Every statement of the store and the query API, for one schema. The schema name is the only
 * text ever put into SQL, validated and quoted; every value is a bound parameter.
 */
public final class Sql {
    /** The columns of a {@link io.batchtrack.jdbi.BatchRun}, JSONB decomposed into arrays by PostgreSQL. */
    private static final String RUN_COLUMNS = "r.id, r.parent_run_id, r.batch_type, r.batch_mode, r.season_year,"
            + " r.week, r.season_type, r.triggered_by, r.status, r.started_at, r.completed_at, r.duration_ms,"
            + " r.heartbeat_at, r.api_calls_made, r.games_processed, r.game_logs_added, r.predictions_generated,"
            + " r.predictions_skipped, r.odds_synced, r.errors_encountered, r.warnings_dropped, r.error_type,"
            + " r.error_message, r.error_stack, r.host, r.exclusive, r.custom_metrics_dropped, r.stale_limit_ms,"
            + " r.recorded_at, r.trace_id, ARRAY(SELECT m.key FROM jsonb_each_text(r.custom_metrics) m ORDER BY m.key) AS custom_metric_names,"
            + " ARRAY(SELECT m.value FROM jsonb_each_text(r.custom_metrics) m ORDER BY m.key) AS custom_metric_values,"
            + " ARRAY(SELECT w.value ->> 'stage' FROM jsonb_array_elements(r.warnings) WITH ORDINALITY w(value, n)"
            + " ORDER BY w.n) AS warning_stages,"
            + " ARRAY(SELECT w.value ->> 'message' FROM jsonb_array_elements(r.warnings) WITH ORDINALITY w(value, n)"
            + " ORDER BY w.n) AS warning_messages,"
            + " ARRAY(SELECT w.value ->> 'at' FROM jsonb_array_elements(r.warnings) WITH ORDINALITY w(value, n)"
            + " ORDER BY w.n) AS warning_times";

    /**
     * {@link #RUN_COLUMNS} for lists ({@link io.batchtrack.jdbi.RunExcerpt}): error message and stack
     * cut to :message_chars and :stack_chars, the first :warnings_shown warnings with their messages
     * cut, and the whole lengths and count beside them.
     */
    private static final String EXCERPT_COLUMNS = RUN_COLUMNS
            .replace(" r.error_message, r.error_stack,", " left(r.error_message, :message_chars) AS error_message,"
                    + " left(r.error_stack, :stack_chars) AS error_stack,"
                    + " coalesce(length(r.error_message), 0) AS error_message_length,"
                    + " coalesce(length(r.error_stack), 0) AS error_stack_length,"
                    + " jsonb_array_length(r.warnings) AS warnings_count,")
            .replace("ARRAY(SELECT w.value ->> 'message' FROM", "ARRAY(SELECT left(w.value ->> 'message', :message_chars) FROM")
            .replace("WITH ORDINALITY w(value, n) ORDER BY w.n)",
                    "WITH ORDINALITY w(value, n) WHERE w.n <= :warnings_shown ORDER BY w.n)");

    private static final String ALL_COLUMNS = "id, parent_run_id, batch_type, batch_mode, season_year, week,"
            + " season_type, triggered_by, status, started_at, completed_at, duration_ms, heartbeat_at,"
            + " api_calls_made, games_processed, game_logs_added, predictions_generated, predictions_skipped,"
            + " odds_synced, errors_encountered, custom_metrics, warnings, warnings_dropped, error_type,"
            + " error_message, error_stack, host, exclusive, custom_metrics_dropped, stale_limit_ms, trace_id";

    private static final String ALL_VALUES = ":id, :parent_run_id, :batch_type, :batch_mode, :season_year, :week,"
            + " :season_type, :triggered_by, :status, :started_at, :completed_at, :duration_ms, :heartbeat_at,"
            + " :api_calls_made, :games_processed, :game_logs_added, :predictions_generated, :predictions_skipped,"
            + " :odds_synced, :errors_encountered, cast(:custom_metrics as jsonb), cast(:warnings as jsonb),"
            + " :warnings_dropped, :error_type, :error_message, :error_stack, :host, :exclusive,"
            + " :custom_metrics_dropped, :stale_limit_ms, :trace_id";

    public final String runs;
    public final String readiness;

    /**
     * Opening a run: one INSERT, heartbeat by the database's clock. It does nothing when the id
     * exists (a replayed open never overwrites anything, never reopens a finished run) or when an
     * exclusive run of the same batch type and period is running (the unique partial index decides).
     */
    public final String insertStartedRun;
    /** Whether a run exists, after an open that inserted nothing. */
    public final String runExists;
    /** The running exclusive run of a batch type and period, after an open that lost to it. */
    public final String runningExclusiveRun;
    /** 1 if the run's row is finished and was not swept as abandoned (a heartbeat that came after its end). */
    public final String runFinishedNotAbandoned;
    /** A heartbeat: counters so far, heartbeat by the database's clock; a finished run is never changed. */
    public final String updateProgress;
    /** Closing a run: one upsert, so the end is recorded even when the open was not, and replays change nothing. */
    public final String upsertFinishedRun;
    /** Running runs silent for longer than their stale limit become failed / abandoned, by the database's clock. */
    public final String sweepAbandoned;
    /**
     * Deletes up to :batch finished runs the database received more than :age_ms (ms) ago, oldest
     * first; data_readiness is not touched.
     */
    public final String purgeFinished;
    /** Refreshing a week's readiness: one upsert; see {@code ReadinessWriter} for the parameters. */
    public final String upsertReadiness;

    public final String latestRun;
    public final String latestRunOfType;
    public final String weekHistory;
    public final String runsByIds;
    public final String readinessOfWeek;
    public final String summaryCounts;
    /** A JVM's running total of one kind of lost record (schema version 5). */
    public final String upsertLoss;
    /** The newest loss rows, newest report first. */
    public final String losses;

    public Sql(String quotedSchema) {
        runs = quotedSchema + ".batch_runs";
        readiness = quotedSchema + ".data_readiness";
        insertStartedRun = "INSERT INTO " + runs + " (id, parent_run_id, batch_type, batch_mode, season_year, week,"
                + " season_type, triggered_by, status, started_at, heartbeat_at, host, exclusive, stale_limit_ms, trace_id)"
                + " VALUES (:id, :parent_run_id, :batch_type, :batch_mode, :season_year, :week, :season_type,"
                + " :triggered_by, :status, :started_at, now(), :host, :exclusive, :stale_limit_ms, :trace_id)"
                + " ON CONFLICT DO NOTHING";
        runExists = "SELECT count(*) FROM " + runs + " WHERE id = :id";
        runFinishedNotAbandoned = "SELECT count(*) FROM " + runs + " WHERE id = :id AND status <> 'running'"
                + " AND error_type IS DISTINCT FROM 'abandoned'";
        runningExclusiveRun = "SELECT id FROM " + runs + " WHERE batch_type = :batch_type AND season_year = :season_year"
                + " AND week = :week AND season_type = :season_type AND status = 'running' AND exclusive LIMIT 1";
        updateProgress = "UPDATE " + runs + " SET heartbeat_at = now(), api_calls_made = :api_calls_made,"
                + " games_processed = :games_processed, game_logs_added = :game_logs_added,"
                + " predictions_generated = :predictions_generated, predictions_skipped = :predictions_skipped,"
                + " odds_synced = :odds_synced, errors_encountered = :errors_encountered,"
                + " custom_metrics = cast(:custom_metrics as jsonb), warnings = cast(:warnings as jsonb),"
                + " warnings_dropped = :warnings_dropped, custom_metrics_dropped = :custom_metrics_dropped,"
                + " stale_limit_ms = coalesce(:stale_limit_ms, stale_limit_ms)"
                + " WHERE id = :id AND status = 'running'";
        String limit = "coalesce(r.stale_limit_ms, :default_stale_limit_ms) * interval '1 millisecond'";
        sweepAbandoned = "UPDATE " + runs + " AS r SET status = 'failed', error_type = 'abandoned',"
                + " error_message = 'no heartbeat since ' || to_char(coalesce(r.heartbeat_at, r.started_at)"
                + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || ', longer than its stale limit of '"
                + " || round(coalesce(r.stale_limit_ms, :default_stale_limit_ms) / 1000.0, 1) || ' s: process '"
                + " || coalesce(r.host, '(unknown)') || ' is presumed dead',"
                + " completed_at = now(),"
                + " duration_ms = greatest(0, floor(extract(epoch FROM now() - r.started_at) * 1000))::bigint"
                + " WHERE r.status = 'running' AND coalesce(r.heartbeat_at, r.started_at) < now() - " + limit
                // right after the server (re)starts, live runs have not had a chance to beat yet
                + " AND pg_postmaster_start_time() < now() - " + limit
                + " RETURNING r.id";
        // by recorded_at, the database's clock: started_at and completed_at come from the batch host
        purgeFinished = "DELETE FROM " + runs + " WHERE id IN (SELECT id FROM " + runs
                + " WHERE recorded_at < now() - :age_ms * interval '1 millisecond' AND status <> 'running'"
                + " ORDER BY recorded_at LIMIT :batch)";
        upsertFinishedRun = "INSERT INTO " + runs + " AS r (" + ALL_COLUMNS + ") VALUES (" + ALL_VALUES + ")"
                + " ON CONFLICT (id) DO UPDATE SET parent_run_id = excluded.parent_run_id,"
                + " batch_type = excluded.batch_type, batch_mode = excluded.batch_mode,"
                + " season_year = excluded.season_year, week = excluded.week, season_type = excluded.season_type,"
                + " triggered_by = excluded.triggered_by, status = excluded.status, started_at = excluded.started_at,"
                + " completed_at = excluded.completed_at, duration_ms = excluded.duration_ms,"
                + " heartbeat_at = excluded.heartbeat_at, api_calls_made = excluded.api_calls_made,"
                + " games_processed = excluded.games_processed, game_logs_added = excluded.game_logs_added,"
                + " predictions_generated = excluded.predictions_generated,"
                + " predictions_skipped = excluded.predictions_skipped, odds_synced = excluded.odds_synced,"
                + " errors_encountered = excluded.errors_encountered, custom_metrics = excluded.custom_metrics,"
                + " warnings = excluded.warnings, warnings_dropped = excluded.warnings_dropped,"
                + " error_type = excluded.error_type, error_message = excluded.error_message,"
                + " error_stack = excluded.error_stack, host = excluded.host, exclusive = excluded.exclusive,"
                + " custom_metrics_dropped = excluded.custom_metrics_dropped,"
                + " stale_limit_ms = coalesce(excluded.stale_limit_ms, r.stale_limit_ms),"
                + " trace_id = coalesce(excluded.trace_id, r.trace_id),"
                // the end's arrival, by the database's clock; a replay of the same end changes nothing
                + " recorded_at = CASE WHEN r.status = 'running' OR r.completed_at IS DISTINCT FROM excluded.completed_at"
                + " THEN now() ELSE r.recorded_at END";
        String newGames = "(CASE WHEN :games_exact THEN excluded.games_count"
                + " ELSE greatest(d.games_count, excluded.games_count) END)";
        String newPredictions = "(CASE WHEN :predictions_exact THEN excluded.predictions_count"
                + " ELSE greatest(d.predictions_count, excluded.predictions_count) END)";
        String newSchedule = "coalesce(:schedule_complete, " + newGames + " > 0)";
        String newPredictionsAvailable = "coalesce(:predictions_available, " + newPredictions + " > 0)";
        upsertReadiness = "INSERT INTO " + readiness + " AS d (season_year, week, season_type, schedule_complete,"
                + " predictions_available, games_count, predictions_count, updated_at, last_run_id,"
                + " schedule_complete_at, predictions_available_at)"
                + " VALUES (:season_year, :week, :season_type, coalesce(:schedule_complete, :games_count > 0),"
                + " coalesce(:predictions_available, :predictions_count > 0), :games_count, :predictions_count,"
                + " :updated_at, :last_run_id,"
                + " CASE WHEN coalesce(:schedule_complete, :games_count > 0) THEN :updated_at END,"
                + " CASE WHEN coalesce(:predictions_available, :predictions_count > 0) THEN :updated_at END)"
                + " ON CONFLICT (season_year, week, season_type) DO UPDATE SET"
                + " games_count = " + newGames + ", predictions_count = " + newPredictions + ","
                + " schedule_complete = " + newSchedule + ","
                + " predictions_available = " + newPredictionsAvailable + ","
                + " schedule_complete_at = " + trueSince(newSchedule, "d.schedule_complete", "d.schedule_complete_at") + ","
                + " predictions_available_at = " + trueSince(newPredictionsAvailable, "d.predictions_available",
                        "d.predictions_available_at") + ","
                + " updated_at = excluded.updated_at, last_run_id = excluded.last_run_id";

        latestRun = "SELECT " + RUN_COLUMNS + " FROM " + runs + " r ORDER BY r.started_at DESC LIMIT 1";
        latestRunOfType = "SELECT " + RUN_COLUMNS + " FROM " + runs + " r WHERE " + ofType(":batch_type")
                + " ORDER BY r.batch_type, r.started_at DESC LIMIT 1";
        weekHistory = "SELECT " + RUN_COLUMNS + " FROM " + runs + " r WHERE r.season_year = :season_year"
                + " AND r.week = :week AND r.season_type = :season_type ORDER BY r.started_at DESC";
        String lossTable = quotedSchema + ".batch_losses";
        upsertLoss = "INSERT INTO " + lossTable + " AS l (host, pid, process_started_at, kind, lost)"
                + " VALUES (:host, :pid, :process_started_at, :kind, :lost)"
                + " ON CONFLICT (host, pid, process_started_at, kind) DO UPDATE"
                + " SET lost = greatest(l.lost, EXCLUDED.lost), reported_at = now()";
        losses = "SELECT host, pid, process_started_at, kind, lost, first_reported_at, reported_at FROM " + lossTable
                + " ORDER BY reported_at DESC, host, pid, kind LIMIT :limit";
        runsByIds = "SELECT " + RUN_COLUMNS + " FROM " + runs + " r WHERE r.id = ANY (:ids)";
        readinessOfWeek = "SELECT season_year, week, season_type, schedule_complete, predictions_available,"
                + " games_count, predictions_count, updated_at, last_run_id, schedule_complete_at,"
                + " predictions_available_at FROM " + readiness
                + " WHERE season_year = :season_year AND week = :week AND season_type = :season_type";
        // the batch types, found by skipping through the index instead of scanning the table
        summaryCounts = "WITH RECURSIVE types(batch_type) AS ("
                + " (SELECT batch_type FROM " + runs + " ORDER BY batch_type LIMIT 1)"
                + " UNION ALL SELECT (SELECT r.batch_type FROM " + runs + " r WHERE r.batch_type > t.batch_type"
                + " ORDER BY r.batch_type LIMIT 1) FROM types t WHERE t.batch_type IS NOT NULL)"
                + " SELECT t.batch_type,"
                + " (SELECT r.id FROM " + runs + " r WHERE " + ofType("t.batch_type")
                + " ORDER BY r.batch_type, r.started_at DESC LIMIT 1) AS last_run_id,"
                + " (SELECT r.id FROM " + runs + " r WHERE " + ofType("t.batch_type")
                + " AND r.status IN ('success', 'partial') ORDER BY r.batch_type, r.started_at DESC LIMIT 1)"
                + " AS last_success_id,"
                + " (SELECT r.id FROM " + runs + " r WHERE " + ofType("t.batch_type") + " AND r.status = 'failed'"
                + " ORDER BY r.batch_type, r.started_at DESC LIMIT 1) AS last_failure_id,"
                + " w.successes, w.partials, w.failures, w.running"
                + " FROM types t CROSS JOIN LATERAL ("
                + " SELECT count(*) FILTER (WHERE x.status = 'success') AS successes,"
                + " count(*) FILTER (WHERE x.status = 'partial') AS partials,"
                + " count(*) FILTER (WHERE x.status = 'failed') AS failures,"
                + " count(*) FILTER (WHERE x.status = 'running') AS running"
                + " FROM (SELECT r.status FROM " + runs + " r WHERE " + ofType("t.batch_type")
                + " ORDER BY r.batch_type, r.started_at DESC LIMIT :window) x) w"
                + " WHERE t.batch_type IS NOT NULL ORDER BY t.batch_type";
    }

    /**
     * The history query for the filters present: fixed fragments only, so each combination is a
     * plain indexed query (a catch-all {@code (:x IS NULL OR col = :x)} would defeat the indexes).
     */
    public String history(boolean batchType, boolean status, boolean seasonYear, boolean week, boolean seasonType) {
        return history(RUN_COLUMNS, batchType, status, seasonYear, week, seasonType);
    }

    /** {@link #history} of excerpts: binds :message_chars, :stack_chars and :warnings_shown too. */
    public String historyExcerpts(boolean batchType, boolean status, boolean seasonYear, boolean week,
            boolean seasonType) {
        return history(EXCERPT_COLUMNS, batchType, status, seasonYear, week, seasonType);
    }

    private String history(String columns, boolean batchType, boolean status, boolean seasonYear, boolean week,
            boolean seasonType) {
        StringBuilder b = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(runs).append(" r");
        String glue = " WHERE ";
        if (batchType) {
            b.append(glue).append(ofType(":batch_type"));
            glue = " AND ";
        }
        if (status) {
            b.append(glue).append("r.status = :status");
            glue = " AND ";
        }
        if (seasonYear) {
            b.append(glue).append("r.season_year = :season_year");
            glue = " AND ";
        }
        if (week) {
            b.append(glue).append("r.week = :week");
            glue = " AND ";
        }
        if (seasonType) {
            b.append(glue).append("r.season_type = :season_type");
        }
        return b.append(batchType ? " ORDER BY r.batch_type, r.started_at DESC" : " ORDER BY r.started_at DESC")
                .append(" LIMIT :limit").toString();
    }

    /**
     * The runs of one batch type, written as a range so that only the indexes that lead with
     * {@code batch_type} can return them newest first. With {@code r.batch_type = x} PostgreSQL drops
     * {@code batch_type} from the sort order and may walk {@code batch_runs_started_at_idx} backwards,
     * filtering: cheap for a type that runs every day, but for a type that last ran years ago it reads
     * every newer run (a generic plan of a prepared statement does so for every type, and the summary's
     * per-type subqueries share one plan for all types). Same rows: text collations here are deterministic.
     */
    private static String ofType(String value) {
        return "r.batch_type >= " + value + " AND r.batch_type <= " + value;
    }

    /**
     * Since when a readiness flag has been true (schema version 6): NULL once it is false; the
     * refresh's time when it turns true; while it stays true the earlier of the stored time and this
     * refresh's (a run replayed from the spool after a later one carries its real, earlier end). A row
     * true since before version 6 (true, no time) keeps no time: it was ready before times were kept.
     */
    private static String trueSince(String newFlag, String oldFlag, String oldSince) {
        return "(CASE WHEN NOT " + newFlag + " THEN NULL WHEN NOT " + oldFlag + " THEN excluded.updated_at"
                + " WHEN " + oldSince + " IS NULL THEN NULL ELSE least(" + oldSince + ", excluded.updated_at) END)";
    }
}
