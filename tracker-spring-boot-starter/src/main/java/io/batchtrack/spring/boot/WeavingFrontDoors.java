package io.batchtrack.spring.boot;

import io.batchtrack.internal.weaving.Woven;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Whether another front door already tracks a class's {@code @TrackedBatch} methods, so that the
 * Spring advisor leaves them alone and a call is never two runs: the batchtrack agent (it puts
 * tracker-api on the bootstrap class path, so the engine's classes have no class loader of their
 * own), or AspectJ weaving, compile-time or load-time (ajc leaves {@code ajc$} fields and
 * {@code _aroundBody} methods in the classes it weaves).
 */
final class WeavingFrontDoors {
    private WeavingFrontDoors() {}

    /** The agent is attached and weaving (its tracker-api is the bootstrap class path's). */
    static boolean agentActive() {
        return Woven.class.getClassLoader() == null;
    }

    static boolean aspectjWoven(Class<?> type) {
        try {
            for (Field f : type.getDeclaredFields()) {
                if (f.getName().startsWith("ajc$")) {
                    return true;
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().contains("_aroundBody")) {
                    return true;
                }
            }
        } catch (LinkageError | SecurityException e) {
            return false; // a class whose members cannot be listed cannot have been woven visibly either
        }
        return false;
    }
}
