/**
 * The {@code batchtrack} command line ({@link io.batchtrack.cli.BatchtrackCli}): the schema
 * ({@code migrate}, {@code status}), maintenance ({@code sweep}, {@code purge}), the status page on
 * its own ({@code serve}), and the operator's reads ({@code runs}, {@code readiness}) that answer
 * the seed's questions without psql. {@code java -jar tracker-agent.jar VERB} runs the same
 * command line, bundled. A new verb is one entry in {@code internal.Commands}, the command table.
 */
package io.batchtrack.cli;
