package io.batchtrack.spi;

/**
 * Refreshes {@code data_readiness} after a run that ended {@code success} or {@code partial}.
 * A failure here is logged and never changes the run's status.
 *
 * <p>A {@link RunStore} that also implements this interface (the PostgreSQL store does) is
 * used as the refresher unless one is installed explicitly.
 */
@FunctionalInterface
public interface ReadinessRefresher {

    /** A refresher that does nothing. */
    ReadinessRefresher NONE = run -> { };

    /** Refreshes readiness for {@code run.spec().period()}. */
    void refresh(RunRecord finishedRun) throws Exception;
}
