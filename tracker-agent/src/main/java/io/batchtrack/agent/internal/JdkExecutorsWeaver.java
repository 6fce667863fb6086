package io.batchtrack.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.batchtrack.internal.context.AutoPropagation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves automatic propagation into the JDK's executors: the places where a task leaves its
 * submitter's thread ({@link JdkPropagation#TARGETS}), where a pool's worker runs one, and where a pool
 * lets one go without running it (rejected, handed back by {@code shutdownNow}). Pools keep the
 * application's own task objects: the run goes beside the task ({@code AutoPropagation}).
 * Methods are matched by name and first parameter only, so the internals' other parameters may
 * change between Java versions (a {@code push} of Java 17 takes two, of Java 25 three).
 */
final class JdkExecutorsWeaver implements ClassWeaver {
    private final ByteBuddy byteBuddy = new ByteBuddy().with(TypeValidation.DISABLED);
    private final ClassFileLocator api = ByteBuddyWeaver.apiLocator();

    @Override
    public Result weave(ClassLoader loader, String internalName, byte[] bytes) {
        if (!JdkPropagation.targets(internalName)) {
            return Result.UNCHANGED;
        }
        String name = internalName.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes), api,
                ClassFileLocator.ForClassLoader.ofBootLoader());
        TypePool pool = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), locator,
                TypePool.Default.ReaderMode.FAST);
        AsmVisitorWrapper wrapper = wrapper(internalName, pool);
        if (wrapper == null) {
            return Result.UNCHANGED;
        }
        TypeDescription type = pool.describe(name).resolve();
        return new Result(byteBuddy.decorate(type, locator).visit(wrapper).make().getBytes(), List.of());
    }

    private static AsmVisitorWrapper wrapper(String internalName, TypePool pool) {
        Advice submitted = Advice.to(PropagationAdvice.Submitted.class);
        switch (internalName) {
            case "java/util/concurrent/ThreadPoolExecutor":
                // the task itself goes to the queue, the hooks and shutdownNow's list; its run goes beside it,
                // and is made current around the one task.run() of the worker loop, not around the hooks
                return new AsmVisitorWrapper.Compound(
                        submitted.on(named("execute").and(takesArguments(Runnable.class))),
                        Advice.to(PropagationAdvice.Rejected.class)
                                .on(named("reject").and(takesArguments(Runnable.class))),
                        Advice.to(PropagationAdvice.Drained.class).on(named("shutdownNow").and(takesArguments(0))),
                        MemberSubstitution.strict()
                                .with(new MemberSubstitution.TypePoolResolver.ForExplicitPool(pool))
                                .method(named("run").and(takesArguments(0)).and(isDeclaredBy(Runnable.class)))
                                .replaceWith(RUN_TASK)
                                .on(named("runWorker")));
            case "java/util/concurrent/ScheduledThreadPoolExecutor":
                // every schedule, submit and execute queues its (decorated) task here, past decorateTask
                return submitted.on(named("delayedExecute").and(takesArguments(1)));
            case "java/util/concurrent/CompletableFuture$ThreadPerTaskExecutor":
                // a task object of the JDK's own, which the application never sees: wrapping it is safe
                return Advice.to(PropagationAdvice.WrapRunnable.class)
                        .on(named("execute").and(takesArgument(0, Runnable.class)));
            case "java/util/concurrent/ThreadPerTaskExecutor":
                // every task of a thread-per-task executor (virtual threads included) gets its thread here
                return Advice.to(PropagationAdvice.WrapRunnable.class)
                        .on(named("newThread").and(takesArgument(0, Runnable.class)));
            case "java/util/concurrent/ForkJoinPool$WorkQueue":
                return submitted.on(namedOneOf("push", "lockedPush").and(takesArgument(0, named(FORK_JOIN_TASK))));
            case "java/util/concurrent/ForkJoinTask":
                return Advice.to(PropagationAdvice.Executes.class)
                        .on(named("doExec").and(isDeclaredBy(named(FORK_JOIN_TASK))));
            default:
                return null;
        }
    }

    /** What a thread pool worker's {@code task.run()} becomes. */
    private static final MethodDescription RUN_TASK = runTask();

    private static MethodDescription runTask() {
        try {
            return new MethodDescription.ForLoadedMethod(AutoPropagation.class.getMethod("run", Runnable.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the api has no AutoPropagation.run(Runnable)", e);
        }
    }

    private static final String FORK_JOIN_TASK = "java.util.concurrent.ForkJoinTask";
}
