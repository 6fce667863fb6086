/**
 * The System Status page and the seed's four read-only JSON endpoints over {@code batch_runs} and
 * {@code data_readiness}: {@link io.batchtrack.status.StatusServer} serves them,
 * {@link io.batchtrack.status.StatusSettings} reads {@code status.*} from configuration. With this
 * module on the class path, {@code status.port} starts a server for every engine built from
 * configuration (the agent bundles it): its {@code RunListenerProvider} starts the server with the
 * engine and the engine's close stops it.
 *
 * <p>Where to change what: a new endpoint is a route in {@code internal.StatusHandler} (its JSON in
 * {@code internal.StatusJson}); the page's markup is {@code internal/status-page.html} and its
 * style sheet {@code internal/status-page.css} (resources), filled by {@code internal.StatusPage};
 * a new {@code status.*} key belongs in {@code StatusSettings}.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>The JDK's built-in {@code com.sun.net.httpserver}: four GET endpoints and one page do not
 *       earn a web framework, and the agent bundles this module.</li>
 *   <li>A module of its own, beside tracker-jdbi's query API that it serves: the store does not
 *       carry an HTTP server, and tracker-api stays free of both.</li>
 *   <li>Read-only: only {@code GET} and {@code HEAD}. Loopback by default; any other bind address
 *       needs a bearer token, compared in constant time. The token is a secret like the database
 *       password: environment or file only, never logged.</li>
 *   <li>JSON is written by hand with field names equal to the column names, so that the seed's
 *       SQL, the query API and the endpoints all speak the same names.</li>
 *   <li>The page is server-rendered HTML with inline CSS: no script (its Content-Security-Policy
 *       forbids any), no external resource, readable with a failed run's message and a partial
 *       run's warnings (in {@code <details>}) in place. Its markup lives in a template resource of
 *       named fragments with slots, so that no HTML is written in Java strings; text put into a slot
 *       is always escaped. It costs {@code 3 + (batch types)} indexed queries.</li>
 *   <li>Bad input is always a 4xx naming the parameter; a database that does not answer is a 503;
 *       anything else unexpected is a 500, logged once at WARNING without query string or headers.</li>
 * </ul>
 */
package io.batchtrack.status;
