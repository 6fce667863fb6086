package app.leftovers;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.lang.ref.WeakReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * A start-up run schedules a periodic task (as a service that starts a poller inside its start-up
 * would); every tick runs a tracked job. Ticks while the start-up run is open belong to it; ticks after
 * it has ended must see no run, no MDC, and their jobs no parent; nothing may keep the ended run.
 */
public final class Periodic {
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor();
    private static final CountDownLatch IN_RUN = new CountDownLatch(1);
    private static final CountDownLatch AFTER = new CountDownLatch(2);
    private static volatile boolean startupEnded;
    private static WeakReference<Object> startupRun;

    private Periodic() {}

    public static void main(String[] args) throws Exception {
        startup(2025, 1);
        startupEnded = true;
        if (!AFTER.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no tick after the start-up run");
        }
        System.out.println("startup.collected=" + Gc.collected(startupRun));
        SCHEDULER.shutdownNow();
        System.out.println("done=true");
        System.exit(0);
    }

    @TrackedBatch(type = "startup")
    static void startup(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) throws Exception {
        startupRun = new WeakReference<>(Tracker.current());
        SCHEDULER.scheduleAtFixedRate(Periodic::tick, 0, 20, TimeUnit.MILLISECONDS);
        IN_RUN.await();
    }

    private static void tick() {
        boolean after = startupEnded; // read first: a tick that sees true started after the run had ended
        if (after && AFTER.getCount() == 0) {
            return;
        }
        String where = after ? "after" : "in-run";
        String current = Tracker.current().runId().map(Object::toString).orElse("none");
        String mdc = String.valueOf(MDC.get("batchtrack.run_id"));
        job(2025, 2, where);
        if (after) {
            System.out.println("track.after.current=" + current);
            System.out.println("track.after.mdc=" + mdc);
            AFTER.countDown();
        } else if (IN_RUN.getCount() > 0) {
            System.out.println("track.in-run.current=" + current);
            System.out.println("track.in-run.mdc=" + mdc);
            IN_RUN.countDown();
        }
    }

    @TrackedBatch(type = "tick")
    static void job(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week, String where) {
        Tracker.current().increment(where.equals("after") ? "after" : "in_run", 1);
    }
}
