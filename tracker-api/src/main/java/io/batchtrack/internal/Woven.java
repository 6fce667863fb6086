package io.batchtrack.internal;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.RunSpec;
import io.batchtrack.TrackingException;
import io.batchtrack.config.StoreFailurePolicy;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two calls every weaving front door makes around a {@code @TrackedBatch} method: {@link #enter}
 * before the body and {@link #exit} after it. Both use the global {@link BatchTracking}, so woven,
 * aspect and programmatic runs are the same runs.
 *
 * <p>Neither call throws into the woven method, except {@link TrackingException} under the
 * fail-fast policy: an unusable spec or a store failure is logged and the method runs untracked.
 */
public final class Woven {
    /** Plans per declaring class: held by the class itself, so plugin and web-app loaders can still be unloaded. */
    private static final ClassValue<ConcurrentHashMap<Method, MethodSpec>> PLANS = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Method, MethodSpec> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private Woven() {}

    /** The plan of a method, built once; null if the method carries no {@code @TrackedBatch}. */
    public static MethodSpec plan(Method method) {
        return PLANS.get(method.getDeclaringClass()).computeIfAbsent(method, MethodSpec::of);
    }

    /**
     * Opens the run of one call; null when the call runs untracked. An exclusive run that loses
     * throws {@link io.batchtrack.RunConflictException}, whatever {@code on-conflict} says: a front door
     * that calls this cannot skip the body.
     */
    public static BatchTracker enter(MethodSpec plan, Object[] args) {
        return enter(plan, args, false);
    }

    /**
     * Like {@link #enter}, for front doors that can skip the body: under {@code on-conflict=skip} an
     * exclusive run of a {@code void} method that loses returns a tracker for which {@link #skips}
     * is true, and the front door must then return without running the body.
     */
    public static BatchTracker enterOrSkip(MethodSpec plan, Object[] args) {
        return enter(plan, args, plan != null && plan.skippable());
    }

    /** Whether the body of the call that {@link #enterOrSkip} opened must be skipped. */
    public static boolean skips(BatchTracker run) {
        return run != null && run.isSkipped();
    }

    private static BatchTracker enter(MethodSpec plan, Object[] args, boolean mayBeSkipped) {
        if (plan == null) {
            return null;
        }
        BatchTracking tracking = BatchTracking.global();
        RunSpec spec;
        try {
            spec = plan.resolve(args, tracking);
        } catch (RuntimeException e) {
            if (tracking.policy() == StoreFailurePolicy.FAIL) {
                throw new TrackingException("run of " + plan.member() + " not started: " + e.getMessage(), e);
            }
            Log.warnOnce("spec:" + plan.member(), "call of " + plan.member() + " runs untracked: " + e.getMessage(),
                    null);
            return null;
        }
        try {
            return mayBeSkipped ? tracking.startOrSkip(spec) : tracking.start(spec);
        } catch (TrackingException e) {
            throw e;
        } catch (RuntimeException e) {
            Log.warnOnce("enter", "call of " + plan.member() + " runs untracked", e);
            return null;
        }
    }

    /**
     * Ends the run of one call. {@code thrown} is what the body threw (null if it returned); an
     * asynchronous method's run ends when its {@link CompletionStage} completes, and the caller
     * receives the very same future.
     */
    public static void exit(MethodSpec plan, BatchTracker run, Object returned, Throwable thrown) {
        if (run == null) {
            return;
        }
        try {
            if (thrown == null && plan.async() && returned instanceof CompletionStage<?> stage) {
                run.detach();
                AsyncRuns.endOnCompletion(run, stage);
            } else if (thrown != null) {
                run.finish(thrown);
            } else {
                run.finish(null);
            }
        } catch (TrackingException e) {
            if (thrown == null) {
                throw e;
            }
            thrown.addSuppressed(e);
        } catch (RuntimeException e) {
            Log.warnOnce("exit", "batchtrack failed to end the run of " + plan.member(), e);
        }
    }
}
