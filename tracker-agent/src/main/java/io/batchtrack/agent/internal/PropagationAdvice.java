package io.batchtrack.agent.internal;

import io.batchtrack.internal.context.AutoPropagation;
import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;

/**
 * The code inlined into the JDK's executors (see {@link JdkExecutorsWeaver}). It runs inside
 * {@code java.base}, so it may only name bootstrap types: the JDK's and the api's (which the agent
 * appends to the bootstrap class path, and which {@code java.base} is made to read).
 */
final class PropagationAdvice {
    private PropagationAdvice() {}

    /** A {@code Runnable} handed to an executor takes the submitter's run along. */
    static final class WrapRunnable {
        private WrapRunnable() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
            task = AutoPropagation.runnable(task);
        }
    }

    /** A {@code Callable} handed to an executor takes the submitter's run along. */
    static final class WrapCallable {
        private WrapCallable() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
            task = AutoPropagation.callable(task);
        }
    }

    /** A fork/join task is pushed on a queue: remember the run it was pushed in. */
    static final class Queued {
        private Queued() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) Object task) {
            AutoPropagation.queued(task);
        }
    }

    /** A fork/join task executes: with the run it was pushed in, and the thread's own state afterwards. */
    static final class Executes {
        private Executes() {}

        @Advice.OnMethodEnter
        static Object enter(@Advice.This Object task) {
            return AutoPropagation.executing(task);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Object token) {
            AutoPropagation.executed(token);
        }
    }
}
