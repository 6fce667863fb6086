package io.batchtrack.aspectj;

import io.batchtrack.internal.Log;
import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.weaving.SuspendCalls;
import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.Woven;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * Records every execution of a {@code @TrackedBatch} method woven by AspectJ, at compile time or at
 * load time. It is a thin adapter over {@link Woven}, the calls the Java agent's advice makes too: the
 * run opens before the body, the method returns the same value and throws the same exception instance,
 * an asynchronous result ({@code CompletionStage}, publisher, {@code ListenableFuture}) ends its run when it completes, and a nested tracked call links to
 * the run around it. Constructors are never advised.
 *
 * <p>A Kotlin {@code suspend} function (load-time weaving of kotlinc's output) is one run per real
 * call, as under the agent ({@link SuspendCalls}): a resumption from the function's state machine
 * opens no run, and a real call proceeds with a continuation that ends the run when the function
 * completes, however often it suspends.
 *
 * <p>Each join point's method is read once (one reflective lookup, ever); later calls cost a map
 * lookup keyed by the join point's static part. What was read is held per declaring class, so class
 * loaders of plugins stay collectable.
 */
@Aspect
public class TrackedBatchAspect {
    private static final ClassValue<ConcurrentHashMap<JoinPoint.StaticPart, Optional<TrackedMethod>>> TRACKED =
            new ClassValue<>() {
                @Override
                protected ConcurrentHashMap<JoinPoint.StaticPart, Optional<TrackedMethod>> computeValue(Class<?> type) {
                    return new ConcurrentHashMap<>();
                }
            };

    /** Runs the method as one tracked run. */
    @Around("execution(@io.batchtrack.TrackedBatch * *(..))")
    public Object track(ProceedingJoinPoint call) throws Throwable {
        TrackedMethod tracked = trackedMethod(call.getStaticPart());
        Object[] args = call.getArgs();
        ActiveRun run = Woven.enterOrSkip(tracked, args);
        if (Woven.skips(run)) {
            // an exclusive void method that lost under on-conflict=skip: already recorded as skipped
            return null;
        }
        Object returned;
        try {
            // a suspend function's real call goes on with a continuation that ends its run; its resumptions have none
            returned = run != null && tracked.suspendFunction() != null
                    ? call.proceed(SuspendCalls.withRunEnding(tracked, run, args)) : call.proceed();
        } catch (Throwable thrown) {
            Woven.exit(tracked, run, null, thrown);
            throw thrown;
        }
        // a publisher comes back as one that ends the run at its terminal signal
        return Woven.exit(tracked, run, returned, null);
    }

    /** The tracked method of a join point; null (the call runs untracked) if it cannot be read. */
    static TrackedMethod trackedMethod(JoinPoint.StaticPart site) {
        ConcurrentHashMap<JoinPoint.StaticPart, Optional<TrackedMethod>> sites =
                TRACKED.get(site.getSignature().getDeclaringType());
        Optional<TrackedMethod> tracked = sites.get(site);
        if (tracked == null) {
            tracked = Optional.ofNullable(read(site));
            sites.putIfAbsent(site, tracked);
        }
        return tracked.orElse(null);
    }

    private static TrackedMethod read(JoinPoint.StaticPart site) {
        try {
            Method method = ((MethodSignature) site.getSignature()).getMethod();
            TrackedMethod tracked = Woven.trackedMethod(method);
            if (tracked != null) {
                // the aspect's weave time, as far as a log line goes: the first call (ajc itself cannot log for us)
                String unsupported = tracked.asyncReturn().unsupportedWarning(site.getSignature().toShortString(),
                        method.getReturnType().getName());
                if (unsupported != null) {
                    Log.warnOnce("aspect-async:" + site.getSignature().toLongString(), unsupported, null);
                }
            }
            return tracked;
        } catch (RuntimeException | LinkageError e) {
            Log.warnOnce("aspect:" + site.getSignature().toLongString(), "woven method "
                    + site.getSignature().toLongString() + " cannot be read; its calls run untracked", e);
            return null;
        }
    }
}
