package io.batchtrack.schedule;

import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.schedule.internal.DeadlineRows;
import io.batchtrack.schedule.internal.ReadinessRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Readiness deadlines in PostgreSQL: declare, list and remove rows of {@code readiness_deadlines},
 * and evaluate them against {@code data_readiness}. The schema must be migrated (version 6 or later).
 *
 * <pre>{@code
 * ReadinessDeadlines deadlines = ReadinessDeadlines.create(dataSource, "public");
 * deadlines.declare(ReadinessDeadline.declare("predictions", "0 12 * * 4", null, Instant.now()));
 * deadlines.evaluate(Clock.systemUTC()).problems().forEach(System.out::println);
 * }</pre>
 *
 * Thread-safe; each call takes one connection at a time from the data source.
 */
public final class ReadinessDeadlines {
    private final DataSource dataSource;
    private final DeadlineRows deadlines;
    private final ReadinessRows readiness;

    private ReadinessDeadlines(DataSource dataSource, String quotedSchema) {
        this.dataSource = dataSource;
        this.deadlines = new DeadlineRows(quotedSchema);
        this.readiness = new ReadinessRows(dataSource, quotedSchema);
    }

    /** @throws IllegalArgumentException if the schema name breaks {@link BatchtrackSchema#SCHEMA_RULE} */
    public static ReadinessDeadlines create(DataSource dataSource, String schema) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new ReadinessDeadlines(dataSource, "\"" + BatchtrackSchema.requireValidName(schema) + "\"");
    }

    /** Creates or replaces the deadline of its flag. */
    public void declare(ReadinessDeadline deadline) {
        Objects.requireNonNull(deadline, "deadline");
        withConnection(c -> {
            deadlines.upsert(c, deadline);
            return null;
        });
    }

    /** @return whether there was one */
    public boolean remove(ReadinessFlag flag) {
        Objects.requireNonNull(flag, "flag");
        return withConnection(c -> deadlines.delete(c, flag));
    }

    /** Every deadline, schedule first. */
    public List<ReadinessDeadline> list() {
        return withConnection(deadlines::list);
    }

    /** Every deadline's last {@link DeadlineEvaluator#DEFAULT_WEEKS} weeks, at the moment {@code clock} gives. */
    public ReadinessReport evaluate(Clock clock) {
        return evaluate(clock, DeadlineEvaluator.DEFAULT_WEEKS);
    }

    /** @param weeks 1..{@link DeadlineEvaluator#MAX_WEEKS}: this week and the ones before */
    public ReadinessReport evaluate(Clock clock, int weeks) {
        return new DeadlineEvaluator(readiness, clock).evaluate(list(), weeks);
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("batchtrack could not use readiness_deadlines: " + e.getMessage(), e);
        }
    }
}
