package io.batchtrack.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import java.util.List;
import java.util.concurrent.Callable;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves automatic propagation into the JDK's executors: the places where a task leaves its
 * submitter's thread ({@link JdkPropagation#TARGETS}) and, for fork/join tasks, where one executes.
 * Methods are matched by name and first parameter only, so the internals' other parameters may
 * change between Java versions (a {@code push} of Java 17 takes two, of Java 25 three).
 */
final class JdkExecutorsWeaver implements ClassWeaver {
    private final ByteBuddy byteBuddy = new ByteBuddy().with(TypeValidation.DISABLED);
    private final ClassFileLocator api = ByteBuddyWeaver.apiLocator();

    @Override
    public Result weave(ClassLoader loader, String internalName, byte[] bytes) {
        AsmVisitorWrapper wrapper = wrapper(internalName);
        if (wrapper == null) {
            return Result.UNCHANGED;
        }
        String name = internalName.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes), api,
                ClassFileLocator.ForClassLoader.ofBootLoader());
        TypePool pool = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), locator,
                TypePool.Default.ReaderMode.FAST);
        TypeDescription type = pool.describe(name).resolve();
        return new Result(byteBuddy.decorate(type, locator).visit(wrapper).make().getBytes(), List.of());
    }

    private static AsmVisitorWrapper wrapper(String internalName) {
        Advice runnable = Advice.to(PropagationAdvice.WrapRunnable.class);
        switch (internalName) {
            case "java/util/concurrent/ThreadPoolExecutor":
            case "java/util/concurrent/CompletableFuture$ThreadPerTaskExecutor":
                return runnable.on(named("execute").and(takesArgument(0, Runnable.class)));
            case "java/util/concurrent/ThreadPerTaskExecutor":
                // every task of a thread-per-task executor (virtual threads included) gets its thread here
                return runnable.on(named("newThread").and(takesArgument(0, Runnable.class)));
            case "java/util/concurrent/ScheduledThreadPoolExecutor":
                // the user's task, before it becomes the executor's own ScheduledFutureTask
                return new AsmVisitorWrapper.Compound(
                        runnable.on(namedOneOf("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay")
                                .and(takesArgument(0, Runnable.class))),
                        Advice.to(PropagationAdvice.WrapCallable.class)
                                .on(named("schedule").and(takesArgument(0, Callable.class))));
            case "java/util/concurrent/ForkJoinPool$WorkQueue":
                return Advice.to(PropagationAdvice.Queued.class)
                        .on(namedOneOf("push", "lockedPush").and(takesArgument(0, named(FORK_JOIN_TASK))));
            case "java/util/concurrent/ForkJoinTask":
                return Advice.to(PropagationAdvice.Executes.class)
                        .on(named("doExec").and(isDeclaredBy(named(FORK_JOIN_TASK))));
            default:
                return null;
        }
    }

    private static final String FORK_JOIN_TASK = "java.util.concurrent.ForkJoinTask";
}
