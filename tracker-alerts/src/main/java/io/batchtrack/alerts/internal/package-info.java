/** Implementation of alerts: the SQL of batch_alerts, the built-in event sources, the webhook and its bodies. Not an API. */
package io.batchtrack.alerts.internal;
