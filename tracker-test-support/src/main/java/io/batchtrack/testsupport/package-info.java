/**
 * Real PostgreSQL for tests: {@link io.batchtrack.testsupport.PostgresExtension} gives every test
 * its own fresh database on a server shared by the whole JVM.
 */
package io.batchtrack.testsupport;
