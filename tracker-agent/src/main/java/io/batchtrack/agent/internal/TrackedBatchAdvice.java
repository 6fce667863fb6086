package io.batchtrack.agent.internal;

import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.Woven;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The code inlined around every woven method: {@link Woven#enterOrSkip} before the body,
 * {@link Woven#exit} after it, whether it returned or threw; so a woven method has exactly the
 * semantics of {@code BatchTracking.call} (and, for an exclusive {@code void} method that loses
 * under {@code on-conflict=skip}, of {@code BatchTracking.run}: the body is skipped). The advice is inlined, so it must stay within what any woven class file
 * may contain (Java 7 bytecode: static calls, one {@code invokedynamic}, no lambdas or string
 * concatenation) and may only name public types of the api, which every class loader sees (the
 * engine's run, {@code ActiveRun}, is one: the api is on the bootstrap class path under the agent).
 */
final class TrackedBatchAdvice {
    private TrackedBatchAdvice() {}

    /** @return true to skip the body: only an exclusive void method that lost, under on-conflict=skip */
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter(@TrackedMethodOf TrackedMethod tracked, @Advice.AllArguments Object[] args,
            @Advice.Local("run") ActiveRun run) {
        run = Woven.enterOrSkip(tracked, args);
        return Woven.skips(run);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@TrackedMethodOf TrackedMethod tracked, @Advice.Local("run") ActiveRun run,
            @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned, @Advice.Thrown Throwable thrown) {
        Woven.exit(tracked, run, returned, thrown);
    }
}
