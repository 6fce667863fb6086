package io.batchtrack.agent.internal;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** The weaver the agent uses, from its configuration; Byte Buddy is loaded on the first cache miss only. */
final class Weavers {
    /** {@code false} weaves every class on every start. */
    static final String CACHE_ENABLED = "cache.enabled";
    /** The cache's directory; see {@link #defaultDirectory}. */
    static final String CACHE_DIR = "cache.dir";

    private Weavers() {}

    /** The Byte Buddy weaver behind the cache configured in {@code config}, if any. */
    static ClassWeaver of(TrackerConfig config) {
        return cached(config, ByteBuddyOnFirstUse.INSTANCE);
    }

    private static ClassWeaver cached(TrackerConfig config, ClassWeaver weaver) {
        try {
            if (!config.getBoolean(CACHE_ENABLED, true)) {
                return weaver;
            }
            Optional<String> dir = config.get(CACHE_DIR);
            return new CachingWeaver(dir.isPresent() ? directory(dir.get()) : defaultDirectory(
                    System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"),
                    System.getProperty("java.io.tmpdir"), System.getProperty("user.name")),
                    weaver);
        } catch (ConfigException e) {
            Log.warn(e.getMessage() + "; classes are woven without the cache");
            return weaver;
        }
    }

    /**
     * {@code $XDG_CACHE_HOME/batchtrack}, else {@code ~/.cache/batchtrack} when the home directory is
     * writable, else {@code <java.io.tmpdir>/batchtrack-<user>} (a directory someone else made there first
     * is refused by the ownership check).
     */
    static Path defaultDirectory(String xdgCacheHome, String userHome, String tmpDir, String userName) {
        try {
            if (xdgCacheHome != null && Path.of(xdgCacheHome).isAbsolute()) {
                return Path.of(xdgCacheHome, "batchtrack");
            }
            if (userHome != null && !userHome.isBlank() && Files.isWritable(Path.of(userHome))) {
                return Path.of(userHome, ".cache", "batchtrack");
            }
        } catch (InvalidPathException e) {
            // an unusable variable: fall through to the temporary directory
        }
        StringBuilder user = new StringBuilder();
        for (char c : (userName == null ? "" : userName).toCharArray()) {
            user.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        return Path.of(tmpDir, "batchtrack-" + user);
    }

    private static Path directory(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigException(CACHE_DIR, "'" + value + "' is not a path");
        }
    }

    /**
     * Loads Byte Buddy when the first class is woven, not before. The JDK's executors (bootstrap classes,
     * see {@link JdkPropagation}) go to their own weaver, behind the same cache.
     */
    private static final class ByteBuddyOnFirstUse implements ClassWeaver {
        static final ByteBuddyOnFirstUse INSTANCE = new ByteBuddyOnFirstUse();

        @Override
        public Result weave(ClassLoader loader, String internalName, byte[] bytes) {
            return loader == null ? JdkHolder.WEAVER.weave(null, internalName, bytes)
                    : Holder.WEAVER.weave(loader, internalName, bytes);
        }
    }

    private static final class JdkHolder {
        static final ClassWeaver WEAVER = new JdkExecutorsWeaver();
    }

    private static final class Holder {
        static final ClassWeaver WEAVER = new ByteBuddyWeaver();
    }
}
