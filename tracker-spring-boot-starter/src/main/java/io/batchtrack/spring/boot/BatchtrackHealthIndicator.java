package io.batchtrack.spring.boot;

import io.batchtrack.BatchTracking;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.Losses;
import io.batchtrack.jdbi.PostgresRunStore;
import java.sql.Connection;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health/batchtrack}: whether the store answers (DOWN when it does not: runs are then
 * spooled, or lost without a spool), whether records wait in the spool for it, and how many records
 * this JVM lost, by kind. A store other than PostgreSQL ({@code log}, {@code none}) is always UP.
 */
final class BatchtrackHealthIndicator implements HealthIndicator {
    private static final int VALID_SECONDS = 2;

    private final BatchTracking tracking;

    BatchtrackHealthIndicator(BatchTracking tracking) {
        this.tracking = tracking;
    }

    @Override
    public Health health() {
        Map<String, Long> lost = Losses.counts();
        long lostTotal = lost.values().stream().mapToLong(Long::longValue).sum();
        Health.Builder health = Health.up();
        if (tracking.store() instanceof PostgresRunStore postgres) {
            String unreachable = unreachable(postgres);
            health = unreachable == null ? Health.up() : Health.down().withDetail("error", unreachable);
            health.withDetail("store_reachable", unreachable == null);
        }
        return health.withDetail("store", tracking.store().destination().orElse(String.valueOf(tracking.store())))
                .withDetail("spool_pending", tracking.spoolHasPending())
                .withDetail("runs_lost", lostTotal)
                .withDetail("runs_lost_by_kind", lost)
                .build();
    }

    /** Why the store's database does not answer, or null when it does. */
    private static String unreachable(PostgresRunStore store) {
        try (Connection c = store.queries().dataSource().getConnection()) {
            return c.isValid(VALID_SECONDS) ? null : "the database did not answer within " + VALID_SECONDS + " s";
        } catch (Exception | LinkageError e) {
            return Log.describe(e);
        }
    }
}
