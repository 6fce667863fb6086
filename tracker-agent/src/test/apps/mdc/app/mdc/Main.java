package app.mdc;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logs through its own SLF4J and Logback, whose pattern prints the MDC, inside and after a tracked run. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final ExecutorService POOL = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));

    private Main() {}

    public static void main(String[] args) throws Exception {
        MDC.put("app", "mdc");
        LOG.info("before");
        job(2025, 3);
        LOG.info("after");
        POOL.submit(() -> LOG.info("worker after")).get();
        POOL.shutdown();
    }

    @TrackedBatch(type = "mdc_job")
    static void job(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) throws Exception {
        System.out.println("track.run=" + Tracker.current().runId().map(Object::toString).orElse("none"));
        LOG.info("inside");
        POOL.submit(() -> LOG.info("worker inside")).get();
    }
}
