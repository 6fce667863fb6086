/**
 * Configuration. {@link io.batchtrack.config.TrackerConfig} looks keys up (system property
 * {@code batchtrack.<key>}, then explicit overrides such as agent arguments, then environment
 * variable {@code BATCHTRACK_<KEY>}, then an optional properties file) and parses their types;
 * secrets come from the environment or a file only ({@link io.batchtrack.config.TrackerConfig#secret}).
 * What a key means, its default and its rules belong to the settings object of its concern:
 * {@link io.batchtrack.config.EngineSettings} for the engine's keys. <b>A new engine key goes
 * there.</b>
 */
package io.batchtrack.config;
