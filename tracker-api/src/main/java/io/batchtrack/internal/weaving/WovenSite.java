package io.batchtrack.internal.weaving;

import io.batchtrack.internal.Log;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * The {@code invokedynamic} bootstrap that bytecode front doors (the Java agent) use to reach a
 * woven method's {@link TrackedMethod}: each call site is linked once, to a constant, so a call
 * costs no reflective lookup and no map lookup. It lives here, on the class path every woven
 * class can see, because a bootstrap method must be visible to the class that calls it.
 *
 * <p>Linking never fails: a method that cannot be found or read links to {@code null}, which
 * {@link Woven#enter} treats as "run untracked", and the reason is logged once.
 */
public final class WovenSite {
    private WovenSite() {}

    /**
     * Links a call site in the woven class to the {@link TrackedMethod} of one of its methods.
     *
     * @param caller the woven class's lookup
     * @param name the call site's name (unused)
     * @param type {@code ()TrackedMethod}
     * @param methodName the woven method's name
     * @param descriptor the woven method's JVM descriptor, for example {@code (I[Ljava/lang/String;)V}
     */
    public static CallSite link(MethodHandles.Lookup caller, String name, MethodType type, String methodName,
            String descriptor) {
        TrackedMethod tracked = null;
        Class<?> owner = caller.lookupClass();
        try {
            Method method = find(owner, methodName, descriptor);
            if (method == null) {
                Log.warnOnce("site:" + owner.getName() + "." + methodName, "woven method " + owner.getName() + "."
                        + methodName + descriptor + " not found; its calls run untracked", null);
            } else {
                tracked = Woven.trackedMethod(method);
            }
        } catch (RuntimeException | LinkageError e) {
            Log.warnOnce("site:" + owner.getName() + "." + methodName, "woven method " + owner.getName() + "."
                    + methodName + " cannot be read; its calls run untracked", e);
        }
        return new ConstantCallSite(MethodHandles.constant(TrackedMethod.class, tracked).asType(type));
    }

    private static Method find(Class<?> owner, String methodName, String descriptor) {
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(methodName) && descriptor(m).equals(descriptor)) {
                return m;
            }
        }
        return null;
    }

    private static String descriptor(Method m) {
        StringBuilder b = new StringBuilder(64).append('(');
        for (Class<?> p : m.getParameterTypes()) {
            b.append(p.descriptorString());
        }
        return b.append(')').append(m.getReturnType().descriptorString()).toString();
    }
}
