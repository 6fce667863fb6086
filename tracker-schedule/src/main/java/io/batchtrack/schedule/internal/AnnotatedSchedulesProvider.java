package io.batchtrack.schedule.internal;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunListenerProvider;
import io.batchtrack.spi.RunStore;
import java.time.Clock;

/**
 * Puts {@link AnnotatedSchedules} on every engine built from configuration over the jdbc store (the
 * agent, the aspect, {@code BatchTracking.fromConfig}). Cheap: it opens nothing and starts no thread
 * until a method declares a schedule. Over another store it adds nothing, and the engine says, once
 * per method, that the schedule is not registered.
 */
public final class AnnotatedSchedulesProvider implements RunListenerProvider {
    @Override
    public RunListener create(TrackerConfig config, RunStore store) {
        return store instanceof PostgresRunStore postgres ? new AnnotatedSchedules(postgres, Clock.systemUTC())
                : RunListener.NONE;
    }
}
