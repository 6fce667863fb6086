package io.batchtrack.benchmarks;

import io.batchtrack.BatchTracking;
import io.batchtrack.Period;
import io.batchtrack.spi.RunStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The forked side of {@link AgentRunCost}: a JVM started with {@code -javaagent:tracker-agent.jar}
 * and {@code store=jdbc} alternates, run by run in rounds, the floor (plain JDBC: one INSERT, one
 * UPDATE, on a HikariCP pool of the application's own, sized as the store's) and a call of a woven
 * {@code @TrackedBatch} method that does nothing (open, close and readiness through the agent's
 * store). It prints one line per variant: the median and 90th percentile wall time of a run, and the
 * batch thread's CPU per run, all in microseconds; then checks that every tracked run is a row.
 *
 * <p>Arguments: JDBC URL, rounds, runs per round per variant.
 */
public final class AgentRunLoop {
    private AgentRunLoop() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rounds = Integer.parseInt(args[1]);
        int perRound = Integer.parseInt(args[2]);
        AgentJobs jobs = new AgentJobs();
        Period week = Period.regular(2025, 17);
        if (!jobs.probe(week)) {
            throw new IllegalStateException("AgentJobs is not woven: start this JVM with -javaagent:tracker-agent.jar");
        }
        if (BatchTracking.global().store() == RunStore.NONE) {
            throw new IllegalStateException("the agent's store is none; this measures store=jdbc");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(5_000);
        long before = trackedRows(url);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            FloorRun floor = new FloorRun(pool);
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < perRound * 2; i++) { // warm-up: both paths compiled before the first round
                floor.run();
                jobs.weeklyUpdate(week);
            }
            long[] floorWall = new long[rounds * perRound];
            long[] trackedWall = new long[rounds * perRound];
            long floorCpu = 0;
            long trackedCpu = 0;
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < perRound; i++, n++) {
                    // alternate which goes first, so neither always follows the other's commit
                    boolean floorFirst = ((round + i) & 1) == 0;
                    for (int turn = 0; turn < 2; turn++) {
                        boolean isFloor = floorFirst == (turn == 0);
                        long c0 = cpu.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        if (isFloor) {
                            floor.run();
                        } else {
                            jobs.weeklyUpdate(week);
                        }
                        long wall = System.nanoTime() - t0;
                        long used = cpu.getCurrentThreadCpuTime() - c0;
                        if (isFloor) {
                            floorWall[n] = wall;
                            floorCpu += used;
                        } else {
                            trackedWall[n] = wall;
                            trackedCpu += used;
                        }
                    }
                }
            }
            print("floor", floorWall, floorCpu);
            print("tracked", trackedWall, trackedCpu);
            long recorded = trackedRows(url) - before;
            long expected = (long) perRound * 2 + (long) rounds * perRound; // the probe ran before "before"
            System.out.println("ROWS " + recorded + " of " + expected);
            if (recorded != expected) {
                throw new IllegalStateException(recorded + " tracked rows, expected " + expected
                        + ": runs were spooled or lost, so the timings do not measure the store");
            }
        }
    }

    private static void print(String name, long[] wall, long cpuNanos) {
        long[] sorted = wall.clone();
        Arrays.sort(sorted);
        System.out.printf("RESULT %s median_us=%.1f p90_us=%.1f cpu_us=%.1f runs=%d%n", name,
                sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.9)] / 1e3,
                cpuNanos / 1e3 / wall.length, wall.length);
    }

    private static long trackedRows(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM batch_runs WHERE triggered_by = 'manual'"
                        + " AND host NOT LIKE '%@bench'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
