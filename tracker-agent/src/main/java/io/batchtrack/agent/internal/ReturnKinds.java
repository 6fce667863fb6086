package io.batchtrack.agent.internal;

import io.batchtrack.internal.weaving.AsyncReturn;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * A woven method's {@link AsyncReturn} at weave time: the return type and its supertypes are read
 * from class files through the weaver's type pool, by name, so no Reactor, Guava or application
 * class is loaded. A supertype whose class file cannot be found simply ends the walk there.
 */
final class ReturnKinds {
    private ReturnKinds() {}

    static AsyncReturn of(TypePool pool, MethodDescription method) {
        TypeDescription declared = method.getReturnType().asErasure();
        if (declared.isPrimitive() || declared.isArray()) {
            return AsyncReturn.NONE;
        }
        return AsyncReturn.classify(declared.getName(), name -> supertypes(pool, name));
    }

    private static List<String> supertypes(TypePool pool, String name) {
        TypePool.Resolution r = pool.describe(name);
        if (!r.isResolved()) {
            return List.of();
        }
        TypeDescription t = r.resolve();
        List<String> names = new ArrayList<>();
        try {
            if (t.getSuperClass() != null) {
                names.add(t.getSuperClass().asErasure().getName());
            }
            for (TypeDescription.Generic i : t.getInterfaces()) {
                names.add(i.asErasure().getName());
            }
        } catch (RuntimeException unreadable) { // a supertype's own supertypes missing: what was read is enough
            return names;
        }
        return names;
    }
}
