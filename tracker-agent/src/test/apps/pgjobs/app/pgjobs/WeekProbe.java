package app.pgjobs;

import io.batchtrack.Period;
import io.batchtrack.spi.Readiness;
import io.batchtrack.spi.ReadinessProbe;

/**
 * The application's readiness probe, a {@code ServiceLoader} service of this jar: the agent's store
 * must find it although it lives in the application's class loader. Its counts differ from anything
 * the runs count, so a row shows which one was used.
 */
public final class WeekProbe implements ReadinessProbe {
    @Override
    public Readiness probe(Period period) {
        return new Readiness(period, true, period.week() != 2, 16, period.week() == 2 ? 0 : 15);
    }
}
