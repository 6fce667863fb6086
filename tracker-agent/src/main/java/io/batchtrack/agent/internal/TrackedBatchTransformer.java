package io.batchtrack.agent.internal;

import io.batchtrack.internal.Log;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * Weaves {@code @TrackedBatch} methods as classes load. Most classes leave after two checks: the
 * loader (the JDK's own classes are skipped, but for the executors that propagation weaves) and a
 * scan of the raw bytes for the annotation's descriptor. A class that passes both goes to the weaver:
 * the disk cache, then Byte Buddy on a miss.
 */
final class TrackedBatchTransformer implements ClassFileTransformer {
    private static final String[] SKIPPED_PACKAGES = {"java/", "jdk/", "sun/", "com/sun/",
        "io/batchtrack/agent/"};

    private final DescriptorScan scan = new DescriptorScan(DescriptorScan.TRACKED_BATCH);
    private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();
    private final ThreadLocal<Boolean> weaving = new ThreadLocal<>();
    private final GlobalEngine engine;
    private final ClassWeaver weaver;
    private final JdkPropagation propagation;

    /** @param propagation what to install before the first woven class can run, or null */
    TrackedBatchTransformer(GlobalEngine engine, ClassWeaver weaver, JdkPropagation propagation) {
        this.engine = engine;
        this.weaver = weaver;
        this.propagation = propagation;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] bytes) {
        if (className == null || classBeingRedefined != null) {
            return null;
        }
        if (loader == null) {
            return propagation != null && JdkPropagation.targets(className) ? propagation.loading(className, bytes)
                    : null;
        }
        if (loader == platformLoader || skipped(className) || !scan.foundIn(bytes)) {
            return null;
        }
        // before weaving: a class the check loads is woven as usual (the check runs once per loader)
        BundledApi.check(loader);
        if (weaving.get() != null) {
            // a class loaded by our own weaving: weaving it now could recurse without end
            Log.debug("batchtrack did not weave " + className + ": loaded while weaving another class");
            return null;
        }
        weaving.set(Boolean.TRUE);
        try {
            ClassWeaver.Result result = weaver.weave(loader, className, bytes);
            for (String warning : result.warnings()) {
                Log.warn(warning);
            }
            if (result.bytes() != null) {
                // propagation first: the engine's start loads executors, which are then woven as they load
                // rather than missed and retransformed
                if (propagation != null) {
                    propagation.install();
                }
                engine.warmUp(loader);
            }
            return result.bytes();
        } catch (Throwable t) {
            Log.warn("batchtrack could not weave " + className.replace('/', '.') + "; its @TrackedBatch methods run"
                    + " untracked: " + Log.describe(t));
            return null;
        } finally {
            weaving.remove();
        }
    }

    private static boolean skipped(String className) {
        for (String p : SKIPPED_PACKAGES) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
