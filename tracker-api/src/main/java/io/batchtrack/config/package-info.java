/**
 * Configuration lookup shared by every module: system property {@code batchtrack.<key>}, then
 * explicit overrides (agent arguments), then environment variable {@code BATCHTRACK_<KEY>}, then an
 * optional properties file. Secrets come from the environment or a file only.
 */
package io.batchtrack.config;
