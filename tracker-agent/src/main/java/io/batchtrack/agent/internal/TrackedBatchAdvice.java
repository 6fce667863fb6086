package io.batchtrack.agent.internal;

import io.batchtrack.BatchTracker;
import io.batchtrack.internal.MethodSpec;
import io.batchtrack.internal.Woven;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The code inlined around every woven method: {@link Woven#enter} before the body, {@link Woven#exit}
 * after it, whether it returned or threw; so a woven method has exactly the semantics of
 * {@code BatchTracking.call}. The advice is inlined, so it must stay within what any woven class file
 * may contain (Java 7 bytecode: static calls, one {@code invokedynamic}, no lambdas or string
 * concatenation) and may only name public types of the api, which every class loader sees.
 */
final class TrackedBatchAdvice {
    private TrackedBatchAdvice() {}

    @Advice.OnMethodEnter
    static BatchTracker enter(@PlanOf MethodSpec plan, @Advice.AllArguments Object[] args) {
        return Woven.enter(plan, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@PlanOf MethodSpec plan, @Advice.Enter BatchTracker run,
            @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned, @Advice.Thrown Throwable thrown) {
        Woven.exit(plan, run, returned, thrown);
    }
}
