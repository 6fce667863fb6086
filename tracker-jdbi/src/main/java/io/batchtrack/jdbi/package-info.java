/**
 * The PostgreSQL store of batchtrack: {@link io.batchtrack.jdbi.PostgresRunStore} records runs in
 * {@code batch_runs} and refreshes {@code data_readiness}; {@link io.batchtrack.jdbi.BatchRunQueries}
 * reads both; {@link io.batchtrack.jdbi.BatchtrackSchema} creates them (Flyway, history table
 * {@code batchtrack_schema_history}).
 *
 * <h2>Where readiness counts come from</h2>
 * After a run of a week ends {@code success} or {@code partial}, that week's row is upserted. Each
 * of the two counts comes from the first source that has it:
 * <ol>
 *   <li>SQL written by the operator: {@code readiness.games-sql} / {@code readiness.predictions-sql}
 *       (or the builder's {@code gamesSql} / {@code predictionsSql}). One number, with the week bound
 *       as {@code :season_year}, {@code :week}, {@code :season_type}; run in a read-only transaction.
 *       The application's own tables know best how many games and predictions a week has.</li>
 *   <li>An application-supplied {@link io.batchtrack.spi.ReadinessProbe}: installed on the builder,
 *       else the first one {@link java.util.ServiceLoader} finds through the refreshing thread's context
 *       class loader, which the engine sets to the tracked code's own (looked up once per loader, kept
 *       weakly).</li>
 *   <li>What the run itself counted: {@code games_count = greatest(stored, games_processed)},
 *       {@code predictions_count = greatest(stored, predictions_generated + predictions_skipped)}.
 *       A run only raises a count: an odds-only run says nothing about how many games exist.</li>
 * </ol>
 * Counts from SQL or a probe replace the stored ones. {@code schedule_complete} is
 * {@code games_count > 0} and {@code predictions_available} is {@code predictions_count > 0},
 * except that a probe's own flags are used with its counts. A failed refresh is logged by the engine
 * and never changes the run's status.
 */
package io.batchtrack.jdbi;
