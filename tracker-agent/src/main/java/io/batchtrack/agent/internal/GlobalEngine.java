package io.batchtrack.agent.internal;

import io.batchtrack.BatchTracking;
import io.batchtrack.TrackedBatch;
import io.batchtrack.internal.Host;
import io.batchtrack.internal.Ids;
import io.batchtrack.internal.Json;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.Woven;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds the global engine off the main thread as soon as the first tracked class is woven: the
 * store (for jdbc: the pool and the schema check) then starts while the application is still
 * starting, and a bad configuration is logged at startup rather than at the first tracked call.
 * {@link BatchTracking#global()} builds the engine once whoever comes first; a tracked call that
 * arrives earlier simply waits for it. The same thread then goes once through what a first tracked
 * call sets up in the JVM (annotation parsing, a method's plan, run ids, JSON and time formatting),
 * some tens of milliseconds that the main thread would otherwise spend; it records nothing.
 */
final class GlobalEngine implements Runnable {
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * The Spring Boot starter's auto-configuration: where it is visible, the starter builds the engine
     * from Spring's environment and replaces the agent's, so the warm-up does not build one from the
     * agent's configuration alone (whose judgement, "jdbc.url is required", would be wrong there). The
     * first tracked call still builds it if the starter has not (it is disabled, say), and says so then.
     */
    static final String SPRING_STARTER = "io.batchtrack.spring.boot.BatchtrackAutoConfiguration";

    /** Starts building the engine in the background, the first time only; {@code loader}: the woven class's. */
    void warmUp(ClassLoader loader) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        if (visible(SPRING_STARTER, loader)) {
            return;
        }
        Thread t = new Thread(this, "batchtrack-warmup");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        BatchTracking tracking;
        try {
            tracking = BatchTracking.global();
        } catch (RuntimeException | LinkageError e) {
            // global() logs configuration problems itself; anything else must not vanish silently
            Log.warn("batchtrack could not start its engine: "
                    + Log.describe(e));
            return;
        }
        try {
            TrackedMethod tracked = Woven.trackedMethod(
                    GlobalEngine.class.getDeclaredMethod("sample", int.class, int.class));
            tracked.resolve(new Object[] {2025, 1}, tracking.trigger(), tracking.clock());
            Host.id();
            Ids.newRunId(System.currentTimeMillis());
            Json.counters(Map.of("games_processed", 1L));
            Instant.now().toString();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // only a head start: the first tracked call does all of this again if need be
            Log.debug("batchtrack skipped its warm-up: " + Log.describe(e));
        }
    }

    private static boolean visible(String className, ClassLoader loader) {
        // the class file, not the class: loading a class from inside a transformer would weave it
        // re-entrantly and could fail with a circularity; a resource lookup loads nothing
        try {
            return loader != null && loader.getResource(className.replace('.', '/') + ".class") != null;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A method that is never called, to warm up on; the agent's own classes are never woven. */
    @TrackedBatch(type = "warm_up")
    private static void sample(@TrackedBatch.SeasonYear int season, @TrackedBatch.Week int week) {
        // nothing
    }
}
