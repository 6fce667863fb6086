package io.batchtrack.agent.internal;

import io.batchtrack.internal.weaving.TrackedMethod;
import io.batchtrack.internal.weaving.WovenSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.utility.JavaConstant;

/**
 * Binds {@link TrackedMethodOf} to {@code invokedynamic WovenSite.link("name", "descriptor")}: the first
 * call links the site to a constant {@code TrackedMethod} (one reflective lookup per method, ever), later
 * calls just load it. Unlike {@code @Advice.Origin Method} there is no lookup per call, and unlike a
 * cache field it works in interfaces and adds no member to the woven class.
 */
final class TrackedMethodSite implements Advice.OffsetMapping {
    static final TrackedMethodSite INSTANCE = new TrackedMethodSite();

    private static final MethodDescription.InDefinedShape BOOTSTRAP;
    private static final TypeDescription TRACKED_METHOD = TypeDescription.ForLoadedType.of(TrackedMethod.class);

    static {
        try {
            BOOTSTRAP = new MethodDescription.ForLoadedMethod(WovenSite.class.getMethod("link",
                    MethodHandles.Lookup.class, String.class, MethodType.class, String.class, String.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("tracker-api lacks WovenSite.link; agent and api do not match", e);
        }
    }

    private TrackedMethodSite() {}

    @Override
    public Target resolve(TypeDescription instrumentedType, MethodDescription instrumentedMethod, Assigner assigner,
            Advice.ArgumentHandler argumentHandler, Sort sort) {
        return new Target.ForStackManipulation(MethodInvocation.invoke(BOOTSTRAP).dynamic("trackedMethod", TRACKED_METHOD,
                List.of(), List.of(JavaConstant.Simple.ofLoaded(instrumentedMethod.getInternalName()),
                        JavaConstant.Simple.ofLoaded(instrumentedMethod.getDescriptor()))));
    }
}
