/** Implementation of expected schedules: cron occurrences, the slot, overdue and readiness-deadline rules, the SQL. Not an API. */
package io.batchtrack.schedule.internal;
