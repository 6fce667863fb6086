package io.batchtrack.schedule;

import io.batchtrack.jdbi.BatchtrackSchema;
import io.batchtrack.schedule.internal.ExpectationRows;
import io.batchtrack.schedule.internal.RunRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Expected schedules in PostgreSQL: declare, list and remove rows of {@code batch_expectations}, and
 * evaluate them against {@code batch_runs}. The schema must be migrated (version 4 or later).
 *
 * <pre>{@code
 * Schedules schedules = Schedules.create(dataSource, "public");
 * schedules.declare(Expectation.declare("weekly_update", "full", "0 6 * * 2", null, Duration.ofHours(2), null,
 *         Instant.now()));
 * schedules.evaluate(Clock.systemUTC()).problems().forEach(System.out::println);
 * }</pre>
 *
 * Thread-safe; each call takes one connection at a time from the data source.
 */
public final class Schedules {
    private final DataSource dataSource;
    private final ExpectationRows expectations;
    private final RunRows runs;

    private Schedules(DataSource dataSource, String quotedSchema) {
        this.dataSource = dataSource;
        this.expectations = new ExpectationRows(quotedSchema);
        this.runs = new RunRows(dataSource, quotedSchema);
    }

    /** @throws IllegalArgumentException if the schema name breaks {@link BatchtrackSchema#SCHEMA_RULE} */
    public static Schedules create(DataSource dataSource, String schema) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new Schedules(dataSource, "\"" + BatchtrackSchema.requireValidName(schema) + "\"");
    }

    /**
     * Creates or replaces the expectation of its type and mode.
     *
     * @return false when an annotation's expectation met an operator's, which it never replaces
     */
    public boolean declare(Expectation expectation) {
        Objects.requireNonNull(expectation, "expectation");
        return withConnection(c -> expectations.upsert(c, expectation));
    }

    /** @param mode null for the type's mode-less expectation; @return whether there was one */
    public boolean remove(String batchType, String mode) {
        return withConnection(c -> expectations.delete(c, batchType, mode));
    }

    /** Every expectation, by batch type then mode (mode-less first). */
    public List<Expectation> list() {
        return withConnection(expectations::list);
    }

    /** Every expectation's slots and the overdue runs, at the moment {@code clock} gives. */
    public ScheduleReport evaluate(Clock clock) {
        return new ScheduleEvaluator(runs, clock).evaluate(list());
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("batchtrack could not use batch_expectations: " + e.getMessage(), e);
        }
    }
}
