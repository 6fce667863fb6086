package io.batchtrack.spi;

import io.batchtrack.Period;

/**
 * Application-supplied counts for {@code data_readiness}: the application knows its own tables.
 * A store that refreshes readiness asks the probe instead of trusting the run's own counters.
 */
@FunctionalInterface
public interface ReadinessProbe {

    /** Measures what is ready for the week. */
    Readiness probe(Period period) throws Exception;
}
