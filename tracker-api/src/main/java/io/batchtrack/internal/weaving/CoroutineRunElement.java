package io.batchtrack.internal.weaving;

import io.batchtrack.internal.context.RunScope;
import io.batchtrack.internal.engine.ActiveRun;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The run of a tracked suspend function as a kotlinx-coroutines {@code ThreadContextElement} in the
 * function's coroutine context, so that {@code Tracker.current()} is that run on whichever
 * dispatcher thread resumes the function (kotlinx calls {@code updateThreadContext} before every
 * resumption and {@code restoreThreadContext} after it, on that thread), and never on another
 * coroutine that shares the thread. Children ({@code coroutineScope}, {@code async},
 * {@code withContext}) inherit the context, so they count into the run, and a tracked suspend
 * function they call opens a run whose parent is this one. The element has one key per
 * kotlinx-coroutines, so a nested run's element replaces its parent's for the nested call only.
 *
 * <p>Why a {@link Proxy} here rather than Kotlin code in a module of its own: the api has no
 * dependency, is on the bootstrap class path under the agent, and must not load Kotlin; a Kotlin
 * class would have to be defined in each application class loader that has Kotlin, and the agent
 * would have to find it there. The proxy is made from the very interfaces the application's
 * kotlinx-coroutines defines, in its loader, only when a tracked suspend function is called. With
 * the plain standard library (no kotlinx-coroutines) there is no such interface and no dispatcher
 * to follow: the context is left as it is, and the run is still one run ({@link SuspendCalls}).
 */
final class CoroutineRunElement {
    private static final String ELEMENT = "kotlinx.coroutines.ThreadContextElement";
    private static final String KEY = "kotlin.coroutines.CoroutineContext$Key";
    private static final String CONTEXT = "kotlin.coroutines.CoroutineContext";
    private static final String EMPTY = "kotlin.coroutines.EmptyCoroutineContext";
    private static final String FUNCTION2 = "kotlin.jvm.functions.Function2";

    /** Per class of caller continuation: kotlinx-coroutines as its loader sees it, or null. */
    private static final ClassValue<Kotlinx> KOTLINX = new ClassValue<>() {
        @Override
        protected Kotlinx computeValue(Class<?> type) {
            return Kotlinx.of(type.getClassLoader());
        }
    };

    private CoroutineRunElement() {}

    /**
     * {@code context} (the caller's {@code CoroutineContext}) plus the run's element; {@code context}
     * itself when the caller's loader has no kotlinx-coroutines.
     */
    static Object withRun(Object context, ActiveRun run, Class<?> callerType) throws Throwable {
        Kotlinx k = KOTLINX.get(callerType);
        if (k == null || context == null || !k.context.isInstance(context)) {
            return context;
        }
        Object element = Proxy.newProxyInstance(k.element.getClassLoader(), new Class<?>[] {k.element},
                new Element(k, run));
        return invoke(k.plus, context, element);
    }

    private static Object invoke(Method m, Object target, Object... args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The kotlinx-coroutines and standard library types one class loader sees. */
    private static final class Kotlinx {
        final Class<?> element;
        final Class<?> context;
        final Object key;
        final Object empty;
        final Method plus;
        final Method invoke2;
        final Method defaultPlus; // CoroutineContext.DefaultImpls.plus, or null if plus is a default method

        private Kotlinx(Class<?> element, ClassLoader loader) throws ReflectiveOperationException {
            this.element = element;
            this.context = Class.forName(CONTEXT, false, loader);
            Class<?> keyType = Class.forName(KEY, false, loader);
            this.key = Proxy.newProxyInstance(keyType.getClassLoader(), new Class<?>[] {keyType}, (p, m, a) ->
                    m.getName().equals("equals") ? p == a[0] : m.getName().equals("hashCode")
                            ? System.identityHashCode(p) : "batchtrack run");
            this.empty = Class.forName(EMPTY, false, loader).getField("INSTANCE").get(null);
            this.plus = context.getMethod("plus", context);
            this.invoke2 = Class.forName(FUNCTION2, false, loader).getMethod("invoke", Object.class, Object.class);
            Method d = null;
            try {
                d = Class.forName(CONTEXT + "$DefaultImpls", false, loader).getMethod("plus", context, context);
            } catch (ClassNotFoundException | NoSuchMethodException compiledAsDefaultMethod) {
                // plus is then a Java default method: InvocationHandler.invokeDefault
            }
            this.defaultPlus = d;
        }

        static Kotlinx of(ClassLoader loader) {
            try {
                return new Kotlinx(Class.forName(ELEMENT, false, loader), loader);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException absent) {
                return null; // plain standard library: no dispatcher to follow
            }
        }
    }

    /** The element: {@code CoroutineContext.Element} by hand, and the two thread-context calls. */
    private static final class Element implements InvocationHandler {
        private final Kotlinx k;
        private final ActiveRun run;

        Element(Kotlinx k, ActiveRun run) {
            this.k = k;
            this.run = run;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "updateThreadContext":
                    return RunScope.enter(run);
                case "restoreThreadContext":
                    if (args[1] instanceof RunScope scope) {
                        scope.close();
                    }
                    return null;
                case "getKey":
                    return k.key;
                case "get":
                    return args[0] == k.key ? proxy : null;
                case "minusKey":
                    return args[0] == k.key ? k.empty : proxy;
                case "fold":
                    return CoroutineRunElement.invoke(k.invoke2, args[1], args[0], proxy);
                case "plus":
                    return k.defaultPlus != null ? CoroutineRunElement.invoke(k.defaultPlus, null, proxy, args[0])
                            : InvocationHandler.invokeDefault(proxy, method, args);
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "batchtrack run " + run.id();
                default:
                    return InvocationHandler.invokeDefault(proxy, method, args);
            }
        }
    }
}
