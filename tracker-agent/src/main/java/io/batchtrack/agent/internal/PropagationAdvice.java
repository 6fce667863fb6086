package io.batchtrack.agent.internal;

import io.batchtrack.internal.context.AutoPropagation;
import java.util.List;
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

    /** A task handed to a pool keeps its identity; the submitter's run is kept beside it. */
    static final class Submitted {
        private Submitted() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) Object task) {
            AutoPropagation.submitted(task);
        }
    }

    /** A pool rejects a task: the run kept for that submission is let go. */
    static final class Rejected {
        private Rejected() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) Object task) {
            AutoPropagation.rejected(task);
        }
    }

    /** {@code shutdownNow} hands the queued tasks back: the runs kept for them are let go. */
    static final class Drained {
        private Drained() {}

        @Advice.OnMethodExit
        static void exit(@Advice.Return List<?> tasks) {
            AutoPropagation.drained(tasks);
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
