package io.batchtrack.spring.boot;

import io.batchtrack.internal.Log;
import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.Woven;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;

/**
 * The Spring AOP front door: around a call of a {@code @TrackedBatch} method of a Spring bean it makes
 * the two calls every front door makes ({@link Woven#enterOrSkip}, {@link Woven#exit}), so a proxied
 * call is the same run as a woven one. Only calls through the proxy are seen: a bean calling its own
 * method ({@code this.update()}) runs untracked; the agent weaves those too.
 */
final class TrackedBatchInterceptor implements MethodInterceptor {

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        TrackedMethod tracked = trackedMethod(invocation);
        ActiveRun run = Woven.enterOrSkip(tracked, invocation.getArguments());
        if (Woven.skips(run)) {
            return null; // on-conflict=skip: only void methods are skippable
        }
        Object returned;
        try {
            returned = invocation.proceed();
        } catch (Throwable thrown) {
            Woven.exit(tracked, run, null, thrown);
            throw thrown;
        }
        // what exit returns: a publisher comes back as one that ends the run at its terminal signal
        return Woven.exit(tracked, run, returned, null);
    }

    /** The annotated method itself (an interface's method is the bean class's); null if it cannot be read. */
    private static TrackedMethod trackedMethod(MethodInvocation invocation) {
        Method method = invocation.getMethod();
        try {
            Object target = invocation.getThis();
            Method specific = target == null ? method : AopUtils.getMostSpecificMethod(method, target.getClass());
            return Woven.trackedMethod(specific);
        } catch (RuntimeException | LinkageError e) {
            Log.warnOnce("spring:" + method, "bean method " + method + " cannot be read; its calls run untracked", e);
            return null;
        }
    }
}
