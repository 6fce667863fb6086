/**
 * Alerts: failed, abandoned and overdue runs, missed, failed and late slots, and their recoveries,
 * detected from the database ({@link io.batchtrack.alerts.EventSource}), recorded once per event and
 * subject in {@code batch_alerts}, and delivered to a JSON or Slack-compatible webhook with retries
 * ({@link io.batchtrack.alerts.Alerts}, run every {@code watch.interval} by
 * {@link io.batchtrack.alerts.AlertWatcher}). Any number of watchers may share one database.
 */
package io.batchtrack.alerts;
