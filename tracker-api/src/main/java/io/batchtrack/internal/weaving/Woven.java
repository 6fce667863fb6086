package io.batchtrack.internal.weaving;

import io.batchtrack.RunSpec;
import io.batchtrack.TrackingException;
import io.batchtrack.config.ConflictPolicy;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.engine.Engine;
import io.batchtrack.internal.engine.Faults;
import io.batchtrack.internal.engine.GlobalEngine;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * The two calls every weaving front door makes around a {@code @TrackedBatch} method: {@link #enter}
 * before the body and {@link #exit} after it. Both use the global engine ({@link GlobalEngine}), so
 * woven, aspect and programmatic runs are the same runs. The front door holds what {@code enter}
 * returned, the engine's {@link ActiveRun}, between the two.
 *
 * <p>{@link #exit} never throws into the woven method; {@link #enter} only throws
 * {@link TrackingException} under the fail-fast policy (the run does not start) and
 * {@link io.batchtrack.RunConflictException}: an unusable spec, a store
 * failure or anything else tracking code throws, {@link Error}s included, is logged and the method
 * runs untracked.
 */
public final class Woven {
    /** Per declaring class: held by the class itself, so plugin and web-app loaders can still be unloaded. */
    private static final ClassValue<ConcurrentHashMap<Method, TrackedMethod>> TRACKED = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Method, TrackedMethod> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private Woven() {}

    /**
     * What {@code method}'s annotation and parameters say, read once; null if it carries no
     * {@code @TrackedBatch}. The first time, an expected schedule the annotation declares goes to
     * the global engine ({@link Engine#declareSchedule}), which registers it off this thread.
     */
    public static TrackedMethod trackedMethod(Method method) {
        ConcurrentHashMap<Method, TrackedMethod> known = TRACKED.get(method.getDeclaringClass());
        TrackedMethod tracked = known.get(method);
        if (tracked != null) {
            return tracked;
        }
        tracked = TrackedMethod.of(method);
        if (tracked == null) {
            return null;
        }
        TrackedMethod raced = known.putIfAbsent(method, tracked);
        if (raced != null) {
            return raced;
        }
        if (tracked.schedule() != null) {
            declare(tracked);
        }
        return tracked;
    }

    /** Never throws: a schedule that cannot be declared leaves the method tracked as usual. */
    private static void declare(TrackedMethod tracked) {
        try {
            GlobalEngine.get().declareSchedule(tracked.schedule());
        } catch (Throwable e) { // Errors too: the call goes on
            Faults.logged("schedule", "batchtrack could not register the expected schedule of " + tracked.member(), e);
        }
    }

    /**
     * Opens the run of one call; null when the call runs untracked. An exclusive run that loses
     * throws {@link io.batchtrack.RunConflictException}, whatever {@code on-conflict} says: a front door
     * that calls this cannot skip the body.
     */
    public static ActiveRun enter(TrackedMethod tracked, Object[] args) {
        return enter(tracked, args, false);
    }

    /**
     * Like {@link #enter}, for front doors that can skip the body: under {@code on-conflict=skip} an
     * exclusive run of a {@code void} method that loses returns a run for which {@link #skips} is
     * true, and the front door must then return without running the body.
     */
    public static ActiveRun enterOrSkip(TrackedMethod tracked, Object[] args) {
        return enter(tracked, args, tracked != null && tracked.skippable());
    }

    /** Whether the body of the call that {@link #enterOrSkip} opened must be skipped. */
    public static boolean skips(ActiveRun run) {
        return run != null && run.isSkipped();
    }

    private static ActiveRun enter(TrackedMethod tracked, Object[] args, boolean mayBeSkipped) {
        if (tracked == null) {
            return null;
        }
        try {
            if (tracked.suspendFunction() != null && SuspendCalls.isResumption(tracked.suspendFunction(), args)) {
                return null; // the real call's run is open; its continuation ends it (SuspendCalls)
            }
            Engine engine = GlobalEngine.get();
            RunSpec spec;
            try {
                spec = tracked.resolve(args, engine.settings().trigger(), engine.clock());
            } catch (RuntimeException e) {
                if (engine.settings().onStoreFailure() == StoreFailurePolicy.FAIL) {
                    throw new TrackingException("run of " + tracked.member() + " not started: " + e.getMessage(), e);
                }
                Log.warnOnce("spec:" + tracked.member(), "call of " + tracked.member() + " runs untracked: "
                        + e.getMessage(), null);
                return null;
            }
            return engine.open(spec, mayBeSkipped && engine.settings().onConflict() == ConflictPolicy.SKIP,
                    tracked.loader());
        } catch (TrackingException e) { // fail-fast, or an exclusive run that lost: meant for the caller
            throw e;
        } catch (Throwable e) { // anything else tracking code throws, Errors included: the body runs untracked
            Faults.logged("enter", "call of " + tracked.member() + " runs untracked", e);
            return null;
        }
    }

    /**
     * Ends the run of one call, and returns what the caller receives. {@code thrown} is what the body
     * threw (null if it returned). An asynchronous method's run ends when its result does
     * ({@link AsyncReturn}): a {@link CompletionStage} or {@code ListenableFuture} is returned as it
     * is, a publisher as a {@link TrackedPublisher} that behaves exactly like it. Whatever fails in
     * tracking, {@code returned} itself is returned.
     */
    public static Object exit(TrackedMethod tracked, ActiveRun run, Object returned, Throwable thrown) {
        if (run == null) {
            return returned;
        }
        try {
            AsyncReturn kind = thrown == null && returned != null ? tracked.asyncReturn() : AsyncReturn.NONE;
            Throwable unfollowed = tracked.suspendFunction() != null ? SuspendCalls.unfollowed(run) : null;
            if (thrown == null && tracked.suspendFunction() != null && SuspendCalls.suspended(returned)) {
                if (unfollowed != null) {
                    run.finish(unfollowed); // no continuation of batchtrack's would ever end it
                } else {
                    run.detach(); // the run ends when the function resumes the continuation withRunEnding gave it
                }
            } else if (kind == AsyncReturn.COMPLETION_STAGE && returned instanceof CompletionStage<?> stage) {
                run.detach();
                AsyncRuns.endOnCompletion(run, stage);
            } else if (kind == AsyncReturn.LISTENABLE_FUTURE && returned instanceof Future<?> future) {
                listened(tracked, run, future);
            } else if (kind.wraps()) {
                return wrapped(tracked, run, kind, returned);
            } else {
                run.finish(thrown);
            }
        } catch (Throwable e) { // Errors too: never in place of what the body returned or threw
            Faults.logged("exit", "batchtrack failed to end the run of " + tracked.member(), e);
        }
        return returned;
    }

    /** Like {@link #wrapped}: a future whose listener cannot be added ends its run now, failed with why. */
    private static void listened(TrackedMethod tracked, ActiveRun run, Future<?> future) {
        try {
            AsyncRuns.endOnListenable(run, future);
        } catch (Throwable e) { // Errors too
            Faults.logged("exit-async", "batchtrack cannot follow the future " + tracked.member()
                    + " returned; its run ends now", e);
            run.finish(e);
            return;
        }
        run.detach();
    }

    /**
     * The publisher the caller receives; {@code returned} itself if it cannot be followed, and then
     * the run ends now, failed with why, rather than as a success it does not know of.
     */
    private static Object wrapped(TrackedMethod tracked, ActiveRun run, AsyncReturn kind, Object returned) {
        Object wrapped;
        try {
            wrapped = TrackedPublisher.wrap(kind, run, returned, tracked.member());
        } catch (Throwable e) { // Errors too
            Faults.logged("exit-publisher", "batchtrack cannot follow the publisher " + tracked.member()
                    + " returned; its run ends now", e);
            run.finish(e);
            return returned;
        }
        run.detach();
        return wrapped;
    }
}
