package io.batchtrack.agent.internal;

import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.Woven;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@link TrackedBatchAdvice} for a method that returns a publisher ({@code AsyncReturn.wraps()}):
 * the same two calls, but the method returns what {@link Woven#exit} returns, the publisher that
 * ends the run at its terminal signal. Kept apart so that every other woven method's return value
 * stays read-only in its bytecode.
 */
final class PublisherTrackedBatchAdvice {
    private PublisherTrackedBatchAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@TrackedMethodOf TrackedMethod tracked, @Advice.AllArguments Object[] args,
            @Advice.Local("run") ActiveRun run) {
        run = Woven.enter(tracked, args); // never skipped: only a void method can be
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@TrackedMethodOf TrackedMethod tracked, @Advice.Local("run") ActiveRun run,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
            @Advice.Thrown Throwable thrown) {
        returned = Woven.exit(tracked, run, returned, thrown);
    }
}
