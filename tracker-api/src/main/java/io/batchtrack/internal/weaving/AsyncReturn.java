package io.batchtrack.internal.weaving;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.List;

/**
 * What a tracked method's declared return type says about when its run ends. Types are recognised
 * by name, walking the declared type and its supertypes, never by loading a library class: the api
 * has no dependencies, and the agent must not load an application's classes early. The same walk
 * serves the weaver (over type descriptions read from class files) and the engine (over the loaded
 * return type), through {@link #classify(String, Function)}.
 *
 * <p>{@link #recognise} is the one place where a kind of asynchronous return is named.
 */
public enum AsyncReturn {
    /** Not asynchronous: the run ends when the method returns or throws. */
    NONE(false, null),
    /** A {@code CompletionStage}: the run ends when it completes; the caller receives the same future. */
    COMPLETION_STAGE(true, "when the stage completes"),
    /** A {@code java.util.concurrent.Flow.Publisher}: the run ends at its first subscription's terminal signal. */
    FLOW_PUBLISHER(true, "until the first subscription's terminal signal"),
    /** An {@code org.reactivestreams.Publisher} (declared as the interface itself). */
    REACTIVE_STREAMS_PUBLISHER(true, "until the first subscription's terminal signal"),
    /** Reactor's {@code Mono}: rebuilt with {@code Mono.fromDirect} around the tracked publisher. */
    REACTOR_MONO(true, "until the first subscription's terminal signal"),
    /** Reactor's {@code Flux}: rebuilt with {@code Flux.from} around the tracked publisher. */
    REACTOR_FLUX(true, "until the first subscription's terminal signal"),
    /** RxJava 3's {@code Flowable}: rebuilt with {@code Flowable.fromPublisher} around the tracked publisher. */
    RXJAVA_FLOWABLE(true, "until the first subscription's terminal signal"),
    /** Guava's {@code ListenableFuture}: the run ends when the future completes; the caller receives the same future. */
    LISTENABLE_FUTURE(true, "when the future completes"),
    /**
     * A type that looks asynchronous but is not supported (a plain {@code Future}, RxJava's
     * {@code Single}, a concrete publisher class that cannot be rebuilt, ...): the run measures the
     * call alone, and the weaver says so once ({@link #unsupportedWarning}).
     */
    UNSUPPORTED(false, null);

    private static final String FLOW = "java.util.concurrent.Flow$Publisher";
    private static final String RS = "org.reactivestreams.Publisher";

    private final boolean async;
    private final String ends;

    AsyncReturn(boolean async, String ends) {
        this.async = async;
        this.ends = ends;
    }

    /** Whether the run outlives the call: it ends when the returned object says so. */
    public boolean async() {
        return async;
    }

    /** Whether the caller receives a wrapper of the returned publisher rather than the object itself. */
    public boolean wraps() {
        return this == FLOW_PUBLISHER || this == REACTIVE_STREAMS_PUBLISHER || this == REACTOR_MONO
                || this == REACTOR_FLUX || this == RXJAVA_FLOWABLE;
    }

    /** For log lines: when a run of this kind ends. */
    public String ends() {
        return async ? ends : "when the method returns";
    }

    /**
     * The kind of the declared type {@code name} exactly, or null if the name alone says nothing.
     * The one place where each kind of asynchronous return is recognised.
     */
    static AsyncReturn recognise(String name) {
        switch (name) {
            case "java.util.concurrent.CompletionStage":
                return COMPLETION_STAGE;
            case FLOW:
                return FLOW_PUBLISHER;
            case RS:
                return REACTIVE_STREAMS_PUBLISHER;
            case "reactor.core.publisher.Mono":
                return REACTOR_MONO;
            case "reactor.core.publisher.Flux":
                return REACTOR_FLUX;
            case "io.reactivex.rxjava3.core.Flowable":
                return RXJAVA_FLOWABLE;
            case "com.google.common.util.concurrent.ListenableFuture":
                return LISTENABLE_FUTURE;
            // async-looking types with no terminal signal that the engine can observe without changing them
            case "java.util.concurrent.Future":
            case "io.reactivex.rxjava3.core.Single":
            case "io.reactivex.rxjava3.core.Maybe":
            case "io.reactivex.rxjava3.core.Completable":
            case "io.reactivex.rxjava3.core.Observable":
            case "kotlinx.coroutines.Deferred":
            case "kotlinx.coroutines.flow.Flow":
                return UNSUPPORTED;
            default:
                return null;
        }
    }

    /**
     * The kind of a declared return type, from its name and a way to list the names of a type's
     * direct supertypes (superclass and interfaces). A type that is exactly a recognised one has that
     * kind; a subtype of a supported interface whose wrapper the caller could not receive (a concrete
     * publisher class, say) is {@link #UNSUPPORTED}, except a stage or a listenable future, which the
     * caller receives unchanged.
     */
    public static AsyncReturn classify(String declared, Function<String, List<String>> supertypes) {
        AsyncReturn exact = recognise(declared);
        if (exact != null) {
            return exact;
        }
        AsyncReturn found = NONE;
        Deque<String> todo = new ArrayDeque<>(supertypes.apply(declared));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            AsyncReturn kind = recognise(name);
            if (kind == COMPLETION_STAGE || kind == LISTENABLE_FUTURE) {
                return kind; // a subtype is still that future: the caller gets it back unchanged
            }
            if (kind != null) {
                found = UNSUPPORTED; // a subclass of Mono, a Flow.Publisher class: a wrapper would not fit the declared type
                continue;
            }
            todo.addAll(supertypes.apply(name));
        }
        return found;
    }

    /** The kind of {@code method}'s declared return type (its loaded class, walked by name). */
    public static AsyncReturn of(Method method) {
        Class<?> declared = method.getReturnType();
        if (declared.isPrimitive() || declared.isArray()) {
            return NONE;
        }
        return classify(declared.getName(), name -> supertypesOf(declared, name));
    }

    private static List<String> supertypesOf(Class<?> root, String name) {
        Class<?> c = find(root, name, new HashSet<>());
        if (c == null) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>();
        if (c.getSuperclass() != null) {
            names.add(c.getSuperclass().getName());
        }
        for (Class<?> i : c.getInterfaces()) {
            names.add(i.getName());
        }
        return names;
    }

    private static Class<?> find(Class<?> c, String name, Set<Class<?>> seen) {
        if (c == null || !seen.add(c)) {
            return null;
        }
        if (c.getName().equals(name)) {
            return c;
        }
        Class<?> s = find(c.getSuperclass(), name, seen);
        if (s != null) {
            return s;
        }
        for (Class<?> i : c.getInterfaces()) {
            Class<?> f = find(i, name, seen);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /**
     * The line the weaver logs once for a method whose return type is {@link #UNSUPPORTED}, or null
     * for any other kind.
     */
    public String unsupportedWarning(String member, String declared) {
        if (this != UNSUPPORTED) {
            return null;
        }
        return "@TrackedBatch method " + member + " returns " + declared + ", an asynchronous type batchtrack does"
                + " not follow: its run measures only the call, ending when the method returns, not when the work"
                + " that " + declared + " stands for ends (supported: CompletionStage, Flow.Publisher,"
                + " org.reactivestreams.Publisher, Mono, Flux, Flowable, ListenableFuture)";
    }
}
