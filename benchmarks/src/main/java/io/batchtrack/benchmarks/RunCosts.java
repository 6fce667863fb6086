package io.batchtrack.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.batchtrack.BatchTracking;
import io.batchtrack.Trigger;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.spi.ReadinessRefresher;

/**
 * Item 3, the counts: round trips, SQL statements and transactions per run of each variant of
 * {@link RunBookkeeping}, read off the wire by a {@link WireCounter} between the pool and the server.
 * The counts do not depend on durability; the timings come from the JMH benchmark, never from here
 * (the proxy adds latency).
 */
public final class RunCosts {
    private static final int WARM_UP = 50;
    private static final int RUNS = 500;

    private RunCosts() {}

    @FunctionalInterface
    interface Run {
        void once() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        try (Pg pg = Pg.start(false); WireCounter wire = new WireCounter(pg.port());
                HikariDataSource pool = pg.pool(Pg.url(wire.port()))) {
            PostgresRunStore store = PostgresRunStore.builder(pool).build();
            store.ensureReady();
            SpringBatchNoop.createSchema(pool);
            BatchTracking tracking = BatchTracking.builder().store(store).trigger(Trigger.MANUAL)
                    .policy(StoreFailurePolicy.FAIL).build();
            BatchTracking withoutReadiness = BatchTracking.builder().store(store).trigger(Trigger.MANUAL)
                    .policy(StoreFailurePolicy.FAIL).readinessRefresher(ReadinessRefresher.NONE).build();
            FloorRun floor = new FloorRun(pool);
            SpringBatchNoop spring = new SpringBatchNoop(pool);

            System.out.printf("%-28s %12s %12s %14s  %s%n", "per run", "round trips", "statements", "transactions",
                    "statements by command");
            measure(wire, "floor", floor::run);
            measure(wire, "batchtrack", () -> tracking.run(RunBookkeeping.SPEC, () -> {}));
            measure(wire, "batchtrackWithoutReadiness", () -> withoutReadiness.run(RunBookkeeping.SPEC, () -> {}));
            measure(wire, "springBatch", spring::launch);
            store.close();
        }
    }

    private static void measure(WireCounter wire, String name, Run run) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            run.once();
        }
        wire.reset();
        for (int i = 0; i < RUNS; i++) {
            run.once();
        }
        StringBuilder commands = new StringBuilder();
        wire.commands().forEach((k, v) -> commands.append(k).append(' ').append(per(v)).append(", "));
        System.out.printf("%-28s %12s %12s %14s  %s%n", name, per(wire.roundTrips.sum()), per(wire.statements.sum()),
                per(wire.transactions.sum()), commands.length() == 0 ? "" : commands.substring(0, commands.length() - 2));
    }

    private static String per(long total) {
        double v = (double) total / RUNS;
        return String.format("%.2f", v);
    }
}
