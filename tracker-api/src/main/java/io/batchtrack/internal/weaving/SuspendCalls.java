package io.batchtrack.internal.weaving;

import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.engine.Faults;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kotlin {@code suspend} functions, seen from Java and without a compile-time dependency on Kotlin
 * (the api has none). {@code suspend fun f(week: Int): R} is compiled to {@code f(int, Continuation):
 * Object}: the body returns the {@code COROUTINE_SUSPENDED} marker at its first suspension, and every
 * resumption calls {@code f} again, from {@code invokeSuspend} of f's own continuation class, with
 * dummy arguments (null, 0) and that continuation, whose {@code label} then carries the sign bit.
 * So a front door must, for one real call:
 * <ul>
 * <li>not open a run when the call is a resumption ({@link #isResumption}): the real call's run is
 * still open and its period was read from the real arguments;</li>
 * <li>replace the caller's continuation by one that ends the run when the function completes
 * ({@link #withRunEnding}): the function's state machine resumes its completion exactly once, with
 * the result or the exception, whichever thread that happens on;</li>
 * <li>end the run at return only if the body did not suspend ({@link #suspended}); if the
 * continuation could not be replaced, a call that suspends ends its run at that return, failed with
 * why ({@link #unfollowed}), since nothing would ever end it.</li>
 * </ul>
 * Everything is recognised by name, and Kotlin's types are reached through the classes the
 * application itself passes in (the continuation's loader), so the api never loads Kotlin.
 * The ending continuation is a {@link Proxy} of {@code kotlin.coroutines.Continuation}: that works
 * with the plain standard library, kotlinx-coroutines or not; with kotlinx-coroutines its context
 * also carries the run to every thread the coroutine resumes on ({@link CoroutineRunElement}).
 */
public final class SuspendCalls {
    /** The type of the last parameter of every compiled suspend function. */
    public static final String CONTINUATION = "kotlin.coroutines.Continuation";
    private static final String SUSPENDED_MARKER = "kotlin.coroutines.intrinsics.CoroutineSingletons";
    private static final String FAILURE = "kotlin.Result$Failure";

    /** Per continuation class: its {@code label} field if it is a suspend function's own state machine, else null. */
    private static final ClassValue<Field> LABEL = new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
            return labelOf(type);
        }
    };

    /**
     * The runs whose continuation could not be replaced, with why, from {@link #withRunEnding} to the
     * front door's exit on the same call ({@link #unfollowed}); empty unless batchtrack itself failed.
     */
    private static final Map<ActiveRun, Throwable> UNFOLLOWED = new ConcurrentHashMap<>();

    private SuspendCalls() {}

    /** Whether {@code method} is a compiled suspend function: its last parameter is a {@code Continuation}. */
    public static boolean isSuspend(Method method) {
        Class<?>[] types = method.getParameterTypes();
        return types.length > 0 && types[types.length - 1].getName().equals(CONTINUATION);
    }

    /**
     * Whether a call of {@code method} (a suspend function) is a resumption from its own state
     * machine rather than a real call. Kotlin's code makes the same test: the continuation argument
     * is an instance of the class generated for this very function ({@code Outer$f$1}, whose
     * enclosing method is {@code f}), and {@code invokeSuspend} set the sign bit of its
     * {@code label}. A recursive real call also passes an instance of that class, but without the bit.
     */
    public static boolean isResumption(Method method, Object[] args) {
        if (args == null || args.length == 0) {
            return false;
        }
        Object continuation = args[args.length - 1];
        if (continuation == null) {
            return false;
        }
        Field label = LABEL.get(continuation.getClass());
        if (label == null || !method.equals(enclosing(continuation.getClass()))) {
            return false;
        }
        try {
            return (label.getInt(continuation) & Integer.MIN_VALUE) != 0;
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    private static Field labelOf(Class<?> type) {
        if (enclosing(type) == null) {
            return null;
        }
        try {
            Field f = type.getDeclaredField("label");
            if (f.getType() != int.class) {
                return null;
            }
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) { // SecurityException, InaccessibleObjectException
            return null;
        }
    }

    private static Method enclosing(Class<?> type) {
        try {
            return type.getEnclosingMethod();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Whether what a suspend function returned is the marker of a suspension: its run goes on. */
    public static boolean suspended(Object returned) {
        return returned instanceof Enum<?> e && e.name().equals("COROUTINE_SUSPENDED")
                && e.getDeclaringClass().getName().equals(SUSPENDED_MARKER);
    }

    /**
     * {@code args} with the caller's continuation replaced by one that ends {@code run} when the
     * function completes and then resumes the caller's, unchanged; {@code args} itself when there is
     * no run or the continuation cannot be wrapped (logged, and remembered for {@link #unfollowed}:
     * the run then ends at the function's return, failed with why if it suspended).
     */
    public static Object[] withRunEnding(TrackedMethod tracked, ActiveRun run, Object[] args) {
        if (run == null || args == null || args.length == 0 || args[args.length - 1] == null) {
            return args;
        }
        try {
            Object caller = args[args.length - 1];
            Class<?> type = continuationType(caller.getClass());
            if (type == null) {
                throw new IllegalArgumentException("the last argument, a " + caller.getClass().getName()
                        + ", implements no " + CONTINUATION);
            }
            Object ending = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    new Ending(run, caller, type));
            Object[] replaced = args.clone();
            replaced[replaced.length - 1] = ending;
            return replaced;
        } catch (Throwable e) { // Errors too: the call goes on with the caller's continuation
            unfollowable(tracked, run, e);
            return args;
        }
    }

    /** Never throws: the run is remembered for the exit, or (if even that fails) ends now, failed with why. */
    private static void unfollowable(TrackedMethod tracked, ActiveRun run, Throwable why) {
        Faults.logged("suspend", "batchtrack cannot follow the suspensions of " + tracked.member()
                + "; if it suspends, its run ends there, failed with this", why);
        try {
            UNFOLLOWED.put(run, why);
        } catch (Throwable cannotRemember) { // out of memory: the exit would leave the run open
            try {
                run.finish(why);
            } catch (Throwable e) {
                Faults.logged("exit-suspend", "batchtrack failed to end run " + run.id(), e);
            }
        }
    }

    /**
     * Why {@link #withRunEnding} could not replace {@code run}'s continuation, or null if it did (or
     * there was nothing to replace); forgets it: the front door's exit asks once per call.
     */
    static Throwable unfollowed(ActiveRun run) {
        return UNFOLLOWED.isEmpty() ? null : UNFOLLOWED.remove(run);
    }

    /** The {@code Continuation} interface {@code type} implements, directly or through another interface; null if none. */
    private static Class<?> continuationType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                Class<?> found = i.getName().equals(CONTINUATION) ? i : continuationType(i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The outcome of a completed suspend function: the exception of a {@code Result.Failure}, or null. */
    static Throwable failureOf(Object result) {
        if (result == null || !result.getClass().getName().equals(FAILURE)) {
            return null;
        }
        try {
            Object e = result.getClass().getField("exception").get(result);
            return e instanceof Throwable t ? t : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The caller's continuation, ending the run first when the function resumes it. */
    private static final class Ending implements InvocationHandler {
        private final ActiveRun run;
        private final Object caller;
        private final Method resumeWith;
        private final Method getContext;
        private Object context;

        Ending(ActiveRun run, Object caller, Class<?> type) throws NoSuchMethodException {
            this.run = run;
            this.caller = caller;
            this.resumeWith = type.getMethod("resumeWith", Object.class);
            this.getContext = type.getMethod("getContext");
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("resumeWith") && args != null && args.length == 1) {
                end(args[0]);
                return forward(resumeWith, args);
            }
            if (name.equals("getContext") && (args == null || args.length == 0)) {
                return context();
            }
            if (name.equals("equals") && args != null && args.length == 1) {
                return proxy == args[0];
            }
            if (name.equals("hashCode") && (args == null || args.length == 0)) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("toString") && (args == null || args.length == 0)) {
                return "batchtrack run " + run.id() + " of " + caller;
            }
            return forward(method, args);
        }

        /**
         * The caller's context plus the run's {@link CoroutineRunElement}; the function's state
         * machine reads it once, and so does everything it starts. Made once: one element per call.
         */
        private synchronized Object context() throws Throwable {
            if (context == null) {
                Object callers = forward(getContext, null);
                try {
                    context = CoroutineRunElement.withRun(callers, run, caller.getClass());
                } catch (Throwable e) { // Errors too: the coroutine runs in its caller's context
                    Faults.logged("suspend-context", "batchtrack cannot make run " + run.id()
                            + " current where its coroutine resumes", e);
                    context = callers;
                }
            }
            return context;
        }

        private void end(Object result) {
            try {
                run.finish(failureOf(result));
            } catch (Throwable e) { // Errors too: the caller is resumed whatever happens here
                Faults.logged("exit-suspend", "batchtrack failed to end suspended run " + run.id(), e);
            }
        }

        /** Calls the caller's continuation; what it throws reaches the function's state machine unchanged. */
        private Object forward(Method m, Object[] args) throws Throwable {
            try {
                return m.invoke(caller, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
