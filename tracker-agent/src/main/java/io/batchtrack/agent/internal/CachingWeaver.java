package io.batchtrack.agent.internal;

import io.batchtrack.internal.Log;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The disk cache in front of the Byte Buddy weaver: a class is looked up by SHA-256 of the weaver's
 * identity and the bytes the transformer was given; a hit is returned as stored, a miss is woven and
 * stored. Touches no Byte Buddy type, so a start whose classes all hit never loads Byte Buddy. The
 * cache is opened when the first class needs it, not in premain; when it cannot be used (see {@link WeaveCache#open}) one line
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
        byte[] key = key(loader, internalName, bytes);
        Result cached = get(c, key, internalName);
        if (cached != null) {
            return cached;
        }
        Result woven = weaver.weave(loader, internalName, bytes);
        try {
            c.put(key, woven);
        } catch (IOException e) {
            Log.warnOnce("weave-cache-write", "batchtrack could not store the woven " + internalName.replace('/', '.')
                    + " in the cache " + c.directory(), e);
        }
        return woven;
    }

    @Override
    public Result cached(ClassLoader loader, String internalName, byte[] bytes) {
        WeaveCache c = cache();
        return c == null ? null : get(c, key(loader, internalName, bytes), internalName);
    }

    /**
     * The entry's key: the weaver's identity and the very bytes the transformer was given, so that an
     * entry is used for nothing but the input it was made from (another agent's code in the input, or
     * gone from it, is another key). For the JDK executors, which the JVM may hand over reconstituted,
     * the order of the method table is made canonical first (see {@link MethodOrder}).
     */
    private byte[] key(ClassLoader loader, String internalName, byte[] bytes) {
        return new Sha256().update(identity).update(loader == null && JdkPropagation.targets(internalName)
                ? MethodOrder.canonical(bytes) : bytes).digest();
    }

    /** The stored outcome, or null; no log line on a hit: the first one costs a JVM some 50 ms to set up logging. */
    private static Result get(WeaveCache c, byte[] key, String internalName) {
        try {
            return c.get(key);
        } catch (IOException e) {
            Log.debug("batchtrack ignores the cached entry of " + internalName.replace('/', '.') + " (" + c.file(key)
                    + "): " + e.getMessage() + "; weaving it again");
            return null;
        }
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
