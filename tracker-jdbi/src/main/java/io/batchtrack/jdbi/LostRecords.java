package io.batchtrack.jdbi;

import java.time.Instant;

/**
 * One row of {@code batch_losses}: how many records of one kind a batch JVM lost (could neither
 * record nor spool), as it last reported them.
 *
 * @param host the JVM's host
 * @param pid its process id
 * @param processStartedAt when it started
 * @param kind what was lost ({@code store-start}, {@code store-finish}, {@code no-spool},
 *     {@code spool-full}, {@code spool-io}, {@code spool-dropped}, {@code late-update}, ...)
 * @param lost how many
 * @param firstReportedAt when the JVM first reported this kind (the database's clock)
 * @param reportedAt its last report (the database's clock)
 */
public record LostRecords(String host, long pid, Instant processStartedAt, String kind, long lost,
        Instant firstReportedAt, Instant reportedAt) {}
