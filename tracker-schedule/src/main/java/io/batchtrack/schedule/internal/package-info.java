/** Implementation of expected schedules: cron occurrences, the slot and overdue rules, the SQL. Not an API. */
package io.batchtrack.schedule.internal;
