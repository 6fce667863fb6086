/** Implementation of the PostgreSQL store: SQL, row mapping, pools, Flyway. Not an API. */
package io.batchtrack.jdbi.internal;
