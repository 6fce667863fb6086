package io.batchtrack.jdbi;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.Metrics;
import io.batchtrack.Period;
import io.batchtrack.RunConflictException;
import io.batchtrack.RunSpec;
import io.batchtrack.Tracker;
import io.batchtrack.Trigger;
import io.batchtrack.config.TrackerConfig;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The batch program that tests run in a second JVM (see {@link ForkedJvm}), configured only through
 * {@code BATCHTRACK_*} environment variables like a real deployment:
 * <ul>
 *   <li>{@code hold}: opens a weekly_update run, counts 7 games, prints {@code OPEN <id>} and waits
 *       to be killed;</li>
 *   <li>{@code race <threads> <attempts> <year> <week>}: {@link #race} against the same week as the
 *       test JVM, then prints {@code RACE ran=.. skipped=.. conflicts=.. violations=..};</li>
 *   <li>{@code nine}: nine small tracked calls returning 1..9, then prints {@code NINE ms=<time they
 *       took> sum=45} and exits;</li>
 *   <li>{@code once}: one weekly_update run of 3 games, prints {@code RAN <id>}, and ends without
 *       closing its engine, as a short batch JVM does;</li>
 *   <li>{@code end-on-cue}: opens a weekly_update run, prints {@code OPEN <id>}, ends it when a line
 *       {@code END} comes on standard input and prints {@code ENDED}, then ends (without closing its
 *       engine) on a line {@code EXIT}.</li>
 * </ul>
 */
public final class ForkedBatch {
    static final String EXCLUSIVE_TYPE = "weekly_update";

    private ForkedBatch() {}

    public static void main(String[] args) throws Exception {
        BatchTracking tracking = BatchTracking.fromConfig(TrackerConfig.fromEnvironment());
        switch (args[0]) {
            case "hold": {
                BatchTracker run = tracking.start(Fixture.WEEKLY_FULL);
                run.increment(Metrics.GAMES_PROCESSED, 7);
                System.out.println("OPEN " + run.id());
                new CountDownLatch(1).await(); // until SIGKILL
                return;
            }
            case "race": {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(System.getenv("BATCHTRACK_JDBC_URL"));
                ds.setUser(System.getenv("BATCHTRACK_JDBC_USER"));
                ds.setPassword(System.getenv("BATCHTRACK_JDBC_PASSWORD"));
                tracking.store().sweepAbandoned(); // connects and migrates before the race, not during it
                System.out.println("READY");
                new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                        .readLine(); // GO: both JVMs start together
                RaceResult r = race(tracking, ds, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                        Period.regular(Integer.parseInt(args[3]), Integer.parseInt(args[4])));
                r.violations().forEach(v -> System.out.println("VIOLATION " + v));
                System.out.println("RACE ran=" + r.ran() + " skipped=" + r.skipped() + " conflicts=" + r.conflicts()
                        + " violations=" + r.violations().size());
                tracking.close();
                System.exit(0);
                return;
            }
            case "nine": {
                long t0 = System.nanoTime();
                int sum = 0;
                for (int i = 1; i <= 9; i++) {
                    int n = i;
                    sum += tracking.call(Fixture.WEEKLY_FULL, () -> n);
                }
                System.out.println("NINE ms=" + (System.nanoTime() - t0) / 1_000_000 + " sum=" + sum);
                tracking.close();
                System.exit(0);
                return;
            }
            case "once": {
                UUID id = tracking.call(Fixture.WEEKLY_FULL, () -> {
                    Tracker.current().increment(Metrics.GAMES_PROCESSED, 3);
                    return Tracker.current().runId().orElseThrow();
                });
                System.out.println("RAN " + id);
                return;
            }
            case "end-on-cue": {
                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8));
                BatchTracker run = tracking.start(Fixture.WEEKLY_FULL);
                run.increment(Metrics.GAMES_PROCESSED, 5);
                System.out.println("OPEN " + run.id());
                awaitLine(in, "END");
                run.complete();
                run.close();
                System.out.println("ENDED");
                awaitLine(in, "EXIT");
                return;
            }
            default:
                throw new IllegalArgumentException(Arrays.toString(args));
        }
    }

    private static void awaitLine(java.io.BufferedReader in, String expected) throws java.io.IOException {
        String line;
        while ((line = in.readLine()) != null && !line.equals(expected)) {
            // not yet
        }
    }

    /** What one JVM saw in a race. */
    record RaceResult(int ran, int skipped, int conflicts, List<String> violations) {}

    /**
     * {@code threads} threads each attempt {@code attempts} exclusive weekly_update runs of one
     * period. A body that runs checks, inside its run, that the database holds exactly one running
     * exclusive run of the period and that it is its own; it records when it began and ended (epoch
     * microseconds, as the custom metrics {@code body_start_us}, {@code body_end_us}).
     */
    static RaceResult race(BatchTracking tracking, DataSource check, int threads, int attempts, Period period)
            throws InterruptedException {
        RunSpec spec = new RunSpec(EXCLUSIVE_TYPE, "full", period, Trigger.MANUAL, true);
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger attempted = new AtomicInteger();
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < attempts; i++) {
                        attempted.incrementAndGet();
                        try {
                            tracking.run(spec, () -> {
                                ran.incrementAndGet();
                                body(check, period, violations);
                            });
                        } catch (RunConflictException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    violations.add("worker failed: " + e);
                }
            }, "racer-" + t);
            workers.add(w);
            w.start();
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        int skipped = attempted.get() - ran.get() - conflicts.get();
        return new RaceResult(ran.get(), skipped, conflicts.get(), List.copyOf(violations));
    }

    private static void body(DataSource check, Period period, List<String> violations) throws SQLException {
        Tracker tracker = Tracker.current();
        UUID me = tracker.runId().orElseThrow();
        tracker.increment("body_start_us", micros());
        List<UUID> running = runningExclusive(check, period);
        if (!running.equals(List.of(me))) {
            violations.add("run " + me + " saw running exclusive runs " + running);
        }
        long until = System.nanoTime() + 2_000_000; // two milliseconds of work, so that bodies could overlap
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        tracker.increment("body_end_us", micros());
    }

    private static List<UUID> runningExclusive(DataSource ds, Period period) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("SELECT coalesce(array_agg(id),"
                + " '{}') FROM batch_runs WHERE batch_type = ? AND season_year = ? AND week = ? AND season_type = ?"
                + " AND status = 'running' AND exclusive")) {
            s.setString(1, EXCLUSIVE_TYPE);
            s.setInt(2, period.seasonYear());
            s.setInt(3, period.week());
            s.setString(4, period.seasonType().code());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Array a = rs.getArray(1);
                return List.of((UUID[]) a.getArray());
            }
        }
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
