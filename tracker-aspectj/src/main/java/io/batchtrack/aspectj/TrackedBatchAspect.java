package io.batchtrack.aspectj;

import io.batchtrack.BatchTracker;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.MethodSpec;
import io.batchtrack.internal.Woven;
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
 * a {@code CompletionStage} result ends its run when it completes, and a nested tracked call links to
 * the run around it. Constructors are never advised.
 *
 * <p>Each join point is planned once (one reflective lookup of its method, ever); later calls cost a
 * map lookup keyed by the join point's static part. Plans are held per declaring class, so class
 * loaders of plugins stay collectable.
 */
@Aspect
public class TrackedBatchAspect {
    private static final ClassValue<ConcurrentHashMap<JoinPoint.StaticPart, Optional<MethodSpec>>> PLANS =
            new ClassValue<>() {
                @Override
                protected ConcurrentHashMap<JoinPoint.StaticPart, Optional<MethodSpec>> computeValue(Class<?> type) {
                    return new ConcurrentHashMap<>();
                }
            };

    /** Runs the method as one tracked run. */
    @Around("execution(@io.batchtrack.TrackedBatch * *(..))")
    public Object track(ProceedingJoinPoint call) throws Throwable {
        MethodSpec plan = plan(call.getStaticPart());
        BatchTracker run = Woven.enterOrSkip(plan, call.getArgs());
        if (Woven.skips(run)) {
            // an exclusive void method that lost under on-conflict=skip: already recorded as skipped
            return null;
        }
        Object returned;
        try {
            returned = call.proceed();
        } catch (Throwable thrown) {
            Woven.exit(plan, run, null, thrown);
            throw thrown;
        }
        Woven.exit(plan, run, returned, null);
        return returned;
    }

    /** The plan of a join point; null (the call runs untracked) if it cannot be planned. */
    static MethodSpec plan(JoinPoint.StaticPart site) {
        ConcurrentHashMap<JoinPoint.StaticPart, Optional<MethodSpec>> plans =
                PLANS.get(site.getSignature().getDeclaringType());
        Optional<MethodSpec> plan = plans.get(site);
        if (plan == null) {
            plan = Optional.ofNullable(planOf(site));
            plans.putIfAbsent(site, plan);
        }
        return plan.orElse(null);
    }

    private static MethodSpec planOf(JoinPoint.StaticPart site) {
        try {
            Method method = ((MethodSignature) site.getSignature()).getMethod();
            return Woven.plan(method);
        } catch (RuntimeException | LinkageError e) {
            Log.warnOnce("aspect:" + site.getSignature().toLongString(), "woven method "
                    + site.getSignature().toLongString() + " cannot be planned; its calls run untracked", e);
            return null;
        }
    }
}
