package io.batchtrack.internal.weaving;

import io.batchtrack.internal.context.RunScope;
import io.batchtrack.internal.engine.ActiveRun;
import io.batchtrack.internal.engine.Faults;
import java.lang.ref.Cleaner;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The publisher a tracked method's caller receives in place of the one it returned: the same
 * publisher seen through {@link Proxy}s of its own interfaces ({@code Flow.Publisher} or
 * {@code org.reactivestreams.Publisher}, found on the returned object by name, so the api needs neither
 * Reactive Streams nor Reactor), rebuilt for a Reactor or RxJava declared type with that library's own
 * adapter ({@code Mono.fromDirect}, {@code Flux.from}, {@code Flowable.fromPublisher}).
 *
 * <p>The first subscription owns the run: its terminal signal ends it (complete: success; error:
 * failed with that exception; cancel: failed, {@code error_type = cancelled}), before the signal
 * goes on, so the row is on its way when the subscriber wakes. Later subscriptions pass straight
 * through. Every signal, value, request and cancel reaches the original unchanged; only operator
 * fusion is given up, which changes no signal. While the first subscription subscribes, requests or
 * cancels, the run is current on that thread, so work the publisher schedules from there (on any
 * executor the agent propagates across, Reactor's and RxJava's schedulers included) counts into it.
 *
 * <p>A publisher that is never subscribed ends its run failed ({@code error_type = never_subscribed})
 * when it is garbage collected, or earlier at {@code max-duration}: never as a success.
 */
final class TrackedPublisher {
    private static final String CORE_SUBSCRIBER = "reactor.core.CoreSubscriber";
    private static volatile Cleaner cleaner;

    private TrackedPublisher() {}

    /** What the caller receives instead of {@code publisher}; the run ends as the class describes. */
    static Object wrap(AsyncReturn kind, ActiveRun run, Object publisher, String member) throws ReflectiveOperationException {
        Class<?> api = find(publisher.getClass(), kind == AsyncReturn.FLOW_PUBLISHER
                ? "java.util.concurrent.Flow$Publisher" : "org.reactivestreams.Publisher");
        if (api == null) {
            throw new IllegalStateException(publisher.getClass().getName() + " returned by " + member
                    + " implements no Publisher interface");
        }
        Method subscribe = api.getMethod("subscribe", subscriberOf(api));
        First first = new First(run);
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                new PublisherHandler(publisher, subscribe, first));
        cleaner().register(proxy, first::collected);
        switch (kind) {
            case REACTOR_MONO:
                return adapt(publisher, "reactor.core.publisher.Mono", "fromDirect", api, proxy);
            case REACTOR_FLUX:
                return adapt(publisher, "reactor.core.publisher.Flux", "from", api, proxy);
            case RXJAVA_FLOWABLE:
                return adapt(publisher, "io.reactivex.rxjava3.core.Flowable", "fromPublisher", api, proxy);
            default:
                return proxy;
        }
    }

    private static Object adapt(Object publisher, String type, String factory, Class<?> api, Object proxy)
            throws ReflectiveOperationException {
        Class<?> declared = find(publisher.getClass(), type);
        if (declared == null) {
            throw new IllegalStateException(publisher.getClass().getName() + " is not a " + type);
        }
        return declared.getMethod(factory, api).invoke(null, proxy);
    }

    private static Class<?> subscriberOf(Class<?> publisherApi) {
        for (Method m : publisherApi.getMethods()) {
            if (m.getName().equals("subscribe") && m.getParameterCount() == 1) {
                return m.getParameterTypes()[0];
            }
        }
        throw new IllegalStateException(publisherApi.getName() + " has no subscribe(Subscriber)");
    }

    private static Cleaner cleaner() {
        Cleaner c = cleaner;
        if (c == null) {
            synchronized (TrackedPublisher.class) {
                c = cleaner;
                if (c == null) {
                    c = Cleaner.create(r -> {
                        Thread t = new Thread(r, "batchtrack-unsubscribed-publishers");
                        t.setDaemon(true);
                        return t;
                    });
                    cleaner = c;
                }
            }
        }
        return c;
    }

    /** The class or interface named {@code name} among {@code c} and its supertypes, or null; nothing is loaded. */
    static Class<?> find(Class<?> c, String name) {
        if (c == null) {
            return null;
        }
        if (c.getName().equals(name)) {
            return c;
        }
        for (Class<?> i : c.getInterfaces()) {
            Class<?> f = find(i, name);
            if (f != null) {
                return f;
            }
        }
        return find(c.getSuperclass(), name);
    }

    /** Which subscription owns the run, and the run's end: exactly one of the ways it can end wins. */
    static final class First {
        private final ActiveRun run;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final AtomicBoolean ended = new AtomicBoolean();

        First(ActiveRun run) {
            this.run = run;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        /** Runs on the cleaner's thread; holds no reference to the publisher. */
        void collected() {
            if (!claimed.get() && ended.compareAndSet(false, true)) {
                guarded(run::neverSubscribed);
            }
        }

        void end(Throwable failure) {
            if (ended.compareAndSet(false, true)) {
                guarded(() -> run.finish(failure));
            }
        }

        void cancel() {
            if (ended.compareAndSet(false, true)) {
                guarded(run::cancelled);
            }
        }

        RunScope current() {
            try {
                return run.isEnded() ? RunScope.unchanged() : RunScope.enter(run);
            } catch (Throwable e) { // Errors too: the signal goes on without the run
                Faults.logged("publisher-scope", "batchtrack could not make run " + run.id() + " current", e);
                return RunScope.unchanged();
            }
        }

        private void guarded(Runnable ending) {
            try {
                ending.run();
            } catch (Throwable e) { // Errors too: never in place of the signal
                Faults.logged("exit-publisher", "batchtrack failed to end the run " + run.id() + " of a publisher", e);
            }
        }
    }

    private abstract static class Forwarding implements InvocationHandler {
        final Object target;

        Forwarding(Object target) {
            this.target = target;
        }

        Object forward(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause(); // the very exception the original threw
            }
        }

        /** Object's own methods: identity for equality, the original's text. */
        Object objectMethod(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return target.toString();
            }
        }

        static boolean isObjectMethod(Method method) {
            return method.getDeclaringClass() == Object.class;
        }
    }

    private static final class PublisherHandler extends Forwarding {
        private final Method subscribe;
        private final First first;

        PublisherHandler(Object publisher, Method subscribe, First first) {
            super(publisher);
            this.subscribe = subscribe;
            this.first = first;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (isObjectMethod(method)) {
                return objectMethod(proxy, method, args);
            }
            if (!method.getName().equals("subscribe") || args == null || args.length != 1 || args[0] == null
                    || !first.claim()) {
                return forward(method, args); // later subscriptions, and a null subscriber the original rejects
            }
            Object subscriber = watching(args[0]);
            try (RunScope ignored = first.current()) {
                return forward(subscribe, new Object[] {subscriber});
            }
        }

        private Object watching(Object subscriber) {
            try {
                List<Class<?>> types = new ArrayList<>();
                Class<?> api = subscribe.getParameterTypes()[0];
                types.add(api);
                Class<?> core = find(subscriber.getClass(), CORE_SUBSCRIBER);
                if (core != null) {
                    types.add(core); // Reactor asks its subscriber for the Context: the downstream one answers
                }
                // Reactor's loader sees Reactive Streams too; the api's alone may not see Reactor
                ClassLoader loader = core != null ? core.getClassLoader() : api.getClassLoader();
                return Proxy.newProxyInstance(loader, types.toArray(new Class<?>[0]),
                        new SubscriberHandler(subscriber, first));
            } catch (Throwable e) { // Errors too: the subscription goes on, its run ends now rather than never
                Faults.logged("publisher-subscriber", "batchtrack could not watch a subscriber", e);
                first.end(e);
                return subscriber;
            }
        }
    }

    private static final class SubscriberHandler extends Forwarding {
        private final First first;

        SubscriberHandler(Object subscriber, First first) {
            super(subscriber);
            this.first = first;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (isObjectMethod(method)) {
                return objectMethod(proxy, method, args);
            }
            switch (method.getName()) {
                case "onSubscribe":
                    if (args != null && args.length == 1 && args[0] != null) {
                        Class<?> api = method.getParameterTypes()[0];
                        args = new Object[] {Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                                new SubscriptionHandler(args[0], first))};
                    }
                    return forward(method, args);
                case "onError":
                    first.end(args == null ? null : (Throwable) args[0]);
                    return forward(method, args);
                case "onComplete":
                    first.end(null);
                    return forward(method, args);
                default:
                    return forward(method, args);
            }
        }
    }

    private static final class SubscriptionHandler extends Forwarding {
        private final First first;

        SubscriptionHandler(Object subscription, First first) {
            super(subscription);
            this.first = first;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (isObjectMethod(method)) {
                return objectMethod(proxy, method, args);
            }
            if (method.getName().equals("cancel")) {
                try (RunScope ignored = first.current()) {
                    first.cancel();
                    return forward(method, args);
                }
            }
            try (RunScope ignored = first.current()) {
                return forward(method, args);
            }
        }
    }
}
