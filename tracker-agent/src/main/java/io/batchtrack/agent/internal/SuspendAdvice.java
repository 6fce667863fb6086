package io.batchtrack.agent.internal;

import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.weaving.SuspendCalls;
import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.Woven;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@link TrackedBatchAdvice} for a Kotlin suspend function (last parameter a
 * {@code kotlin.coroutines.Continuation}, recognised by name in {@link ByteBuddyWeaver}): a resumption
 * opens no run, and a real call's continuation argument is replaced by one that ends the run when
 * the function completes ({@link SuspendCalls}). Only these methods get writable arguments, so
 * every other woven method keeps the read-only advice. Same bytecode limits as {@link TrackedBatchAdvice}.
 */
final class SuspendAdvice {
    private SuspendAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@TrackedMethodOf TrackedMethod tracked,
            @Advice.AllArguments(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object[] args,
            @Advice.Local("run") ActiveRun run) {
        run = Woven.enter(tracked, args);
        if (run != null) {
            args = SuspendCalls.withRunEnding(tracked, run, args);
        }
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@TrackedMethodOf TrackedMethod tracked, @Advice.Local("run") ActiveRun run,
            @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned, @Advice.Thrown Throwable thrown) {
        Woven.exit(tracked, run, returned, thrown);
    }
}
