package io.batchtrack.agent.internal;

import io.batchtrack.internal.MethodSpec;
import io.batchtrack.internal.WovenSite;
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
 * Binds {@link PlanOf} to {@code invokedynamic WovenSite.plan("name", "descriptor")}: the first call
 * links the site to a constant {@code MethodSpec} (one reflective lookup per method, ever), later
 * calls just load it. Unlike {@code @Advice.Origin Method} there is no lookup per call, and unlike a
 * cache field it works in interfaces and adds no member to the woven class.
 */
final class PlanSite implements Advice.OffsetMapping {
    static final PlanSite INSTANCE = new PlanSite();

    private static final MethodDescription.InDefinedShape BOOTSTRAP;
    private static final TypeDescription PLAN_TYPE = TypeDescription.ForLoadedType.of(MethodSpec.class);

    static {
        try {
            BOOTSTRAP = new MethodDescription.ForLoadedMethod(WovenSite.class.getMethod("plan",
                    MethodHandles.Lookup.class, String.class, MethodType.class, String.class, String.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("tracker-api lacks WovenSite.plan; agent and api do not match", e);
        }
    }

    private PlanSite() {}

    @Override
    public Target resolve(TypeDescription instrumentedType, MethodDescription instrumentedMethod, Assigner assigner,
            Advice.ArgumentHandler argumentHandler, Sort sort) {
        return new Target.ForStackManipulation(MethodInvocation.invoke(BOOTSTRAP).dynamic("plan", PLAN_TYPE,
                List.of(), List.of(JavaConstant.Simple.ofLoaded(instrumentedMethod.getInternalName()),
                        JavaConstant.Simple.ofLoaded(instrumentedMethod.getDescriptor()))));
    }
}
