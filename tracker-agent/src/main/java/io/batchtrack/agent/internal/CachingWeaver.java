package io.batchtrack.agent.internal;

import io.batchtrack.internal.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The disk cache in front of the Byte Buddy weaver: a class is looked up by SHA-256 of the weaver's
 * identity and its bytes; a hit is returned as stored, a miss is woven and stored. Touches no Byte
 * Buddy type, so a start whose classes all hit never loads Byte Buddy. The cache is opened when the
 * first class needs it, not in premain; when it cannot be used (see {@link WeaveCache#open}) one line
 * says why and every class is woven, as without a cache.
 */
final class CachingWeaver implements ClassWeaver {
    private final Path dir;
    private final ClassWeaver weaver;
    private byte[] identity;
    private WeaveCache cache;
    private boolean opened;

    /** A cache for the running agent jar, in {@code dir}, in front of {@code weaver}. */
    CachingWeaver(Path dir, ClassWeaver weaver) {
        this(dir, null, weaver);
    }

    /** @param identity the weaver's identity, or null to read it from the agent jar */
    CachingWeaver(Path dir, byte[] identity, ClassWeaver weaver) {
        this.dir = dir;
        this.identity = identity;
        this.weaver = weaver;
    }

    @Override
    public Result weave(ClassLoader loader, String internalName, byte[] bytes) {
        WeaveCache c = cache();
        if (c == null) {
            return weaver.weave(loader, internalName, bytes);
        }
        String name = internalName.replace('/', '.');
        byte[] key = new Sha256().update(identity).update(loader == null && JdkPropagation.TARGETS.contains(internalName) ? jdkClass(internalName) : bytes).digest();
        try {
            Result cached = c.get(key);
            if (cached != null) {
                // no log line: the first one costs a JVM some 50 ms to set up logging, at every start
                return cached;
            }
        } catch (IOException e) {
            Log.debug("batchtrack ignores the cached entry of " + name + " (" + c.file(key) + "): " + e.getMessage()
                    + "; weaving it again");
        }
        Result woven = weaver.weave(loader, internalName, bytes);
        try {
            c.put(key, woven);
        } catch (IOException e) {
            Log.warnOnce("weave-cache-write", "batchtrack could not store the woven " + name + " in the cache "
                    + c.directory(), e);
        }
        return woven;
    }

    /**
     * A JDK class (propagation weaves a few, see {@link JdkPropagation}) is keyed by the JDK build and its
     * name, not its bytes: the JVM reconstitutes a loaded class's bytes for retransformation in an order
     * that varies from start to start, and any of those equivalent versions woven fits every other.
     */
    private static byte[] jdkClass(String internalName) {
        return ("jdk " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
                + " " + System.getProperty("java.home") + " " + internalName).getBytes(StandardCharsets.UTF_8);
    }

    /** The open cache, or null if it cannot be used; tried once. */
    private synchronized WeaveCache cache() {
        if (!opened) {
            opened = true;
            try {
                if (identity == null) {
                    identity = WeaverIdentity.ofAgentJar();
                }
                cache = WeaveCache.open(dir);
            } catch (IOException | RuntimeException e) {
                Log.warn("batchtrack does not use the weaving cache (" + e.getMessage()
                        + "); classes are woven on every start. Set cache.enabled=false to go without one.");
            }
        }
        return cache;
    }
}
