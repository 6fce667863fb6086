/**
 * The System Status page and the seed's four read-only JSON endpoints over {@code batch_runs} and
 * {@code data_readiness}: {@link io.batchtrack.status.StatusServer}.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>The JDK's built-in {@code com.sun.net.httpserver}: four GET endpoints and one page do not
 *       earn a web framework, and the agent bundles this module.</li>
 *   <li>It lives in tracker-jdbi, beside the query API it serves; tracker-api stays free of it.</li>
 *   <li>Read-only: only {@code GET} and {@code HEAD}. Loopback by default; any other bind address
 *       needs a bearer token, compared in constant time. The token is a secret like the database
 *       password: environment or file only, never logged.</li>
 *   <li>JSON is written by hand with field names equal to the column names, so that the seed's
 *       SQL, the query API and the endpoints all speak the same names.</li>
 *   <li>The page is server-rendered HTML with inline CSS: no script (its Content-Security-Policy
 *       forbids any), no external resource, readable with a failed run's message and a partial
 *       run's warnings (in {@code <details>}) in place. It costs {@code 3 + (batch types)} indexed
 *       queries.</li>
 *   <li>Bad input is always a 4xx naming the parameter; a database that does not answer is a 503;
 *       anything else unexpected is a 500, logged once at WARNING without query string or headers.</li>
 * </ul>
 */
package io.batchtrack.status;
