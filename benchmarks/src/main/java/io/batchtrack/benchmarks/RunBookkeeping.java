package io.batchtrack.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.batchtrack.BatchTracking;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.Trigger;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.spi.ReadinessRefresher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Item 3: the bookkeeping of one no-op run against PostgreSQL, all on one HikariCP pool (the store's
 * own configuration) of one embedded PostgreSQL 17 per fork:
 * <ul>
 *   <li>{@code batchtrack}: {@code BatchTracking.run} through {@link PostgresRunStore}: the INSERT that
 *       opens the run, the upsert that closes it, and the readiness upsert that follows a success;</li>
 *   <li>{@code batchtrackWithoutReadiness}: the same with the readiness refresh switched off, i.e. the
 *       open and close alone, statement for statement what the floor does;</li>
 *   <li>{@code floor}: one INSERT and one UPDATE with plain JDBC ({@link FloorRun});</li>
 *   <li>{@code springBatch}: Spring Batch 6 launching a job of one no-op tasklet step with its JDBC job
 *       repository ({@link SpringBatchNoop}).</li>
 * </ul>
 * {@code durableCommits=on}: fsync, synchronous_commit and full_page_writes on (PostgreSQL's defaults,
 * every commit waits for its WAL flush); {@code off}: all three off, as in the test suite.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class RunBookkeeping {
    static final RunSpec SPEC = RunSpec.of("weekly_update", Period.regular(2025, 17));

    @Param({"on", "off"})
    public String durableCommits;

    private Pg pg;
    private HikariDataSource pool;
    private PostgresRunStore store;
    private BatchTracking tracking;
    private BatchTracking trackingWithoutReadiness;
    private FloorRun floor;
    private SpringBatchNoop springBatch;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        pg = Pg.start("on".equals(durableCommits));
        System.out.println("\n# " + pg.describe());
        pool = pg.pool();
        store = PostgresRunStore.builder(pool).build();
        store.ensureReady();
        // fail-fast, so that a store error fails the benchmark instead of being logged and timed as a run
        tracking = BatchTracking.builder().store(store).trigger(Trigger.MANUAL).policy(StoreFailurePolicy.FAIL).build();
        trackingWithoutReadiness = BatchTracking.builder().store(store).trigger(Trigger.MANUAL)
                .policy(StoreFailurePolicy.FAIL).readinessRefresher(ReadinessRefresher.NONE).build();
        floor = new FloorRun(pool);
        SpringBatchNoop.createSchema(pool);
        springBatch = new SpringBatchNoop(pool);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
        pool.close();
        pg.close();
    }

    @Benchmark
    public void batchtrack() {
        tracking.run(SPEC, () -> {});
    }

    @Benchmark
    public void batchtrackWithoutReadiness() {
        trackingWithoutReadiness.run(SPEC, () -> {});
    }

    @Benchmark
    public void floor() throws Exception {
        floor.run();
    }

    @Benchmark
    public Object springBatch() throws Exception {
        return springBatch.launch();
    }
}
