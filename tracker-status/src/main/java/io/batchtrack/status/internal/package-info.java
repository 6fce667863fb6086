/**
 * Implementation of the status server, not an API: routing ({@code StatusHandler}), parameters
 * ({@code QueryParams}, {@code BadRequest}), JSON ({@code StatusJson}), the page
 * ({@code StatusPage} over the {@code status-page.html} template and {@code status-page.css},
 * through {@code Template}, {@code Markup} and {@code Html}), the token check ({@code TokenCheck}),
 * the JDK server's start-up ({@code HttpServers}) and the listener that starts a server for an
 * engine built from configuration ({@code StatusListenerProvider}).
 */
package io.batchtrack.status.internal;
