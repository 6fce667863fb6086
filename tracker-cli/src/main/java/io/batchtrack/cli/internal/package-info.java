/**
 * Implementation of the command line, not an API: the command table ({@code Commands}: one
 * {@code Command} per verb, with its {@code Option}s), option parsing ({@code Options},
 * {@code UsageException}), the generated usage ({@code Usage}), the database of a command
 * ({@code Database}), the verbs ({@code SchemaVerbs}, {@code MaintenanceVerbs}, {@code ServeVerb},
 * {@code RunsVerb}, {@code ReadinessVerb}) and the demo's table format ({@code TextTable},
 * {@code Cells}).
 */
package io.batchtrack.cli.internal;
