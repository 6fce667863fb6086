/** Implementation of the status server: routing, parameters, JSON, the HTML page, the token check. Not an API. */
package io.batchtrack.status.internal;
