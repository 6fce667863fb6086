package io.batchtrack.agent.internal;

import java.util.List;

/**
 * Turns the bytes of a class that may hold {@code @TrackedBatch} methods into woven bytes. The Byte
 * Buddy weaver does the work; {@link CachingWeaver} sits in front of it, so that a start whose classes
 * are all in the disk cache never loads Byte Buddy at all.
 */
interface ClassWeaver {

    /**
     * @param loader the defining class loader; null (the bootstrap loader) for the JDK classes that propagation weaves
     * @param internalName the class's name with slashes, {@code com/example/Job}
     * @param bytes the class file
     * @return the outcome, a function of {@code bytes} and the agent build alone (the cache relies on it)
     */
    Result weave(ClassLoader loader, String internalName, byte[] bytes);

    /**
     * What {@link #weave} would give, if that is known without weaving (the cache holds it), else null.
     * A weaver without a cache knows nothing in advance.
     */
    default Result cached(ClassLoader loader, String internalName, byte[] bytes) {
        return null;
    }

    /**
     * What weaving a class gave.
     *
     * @param bytes the woven class file, or null to leave the class as it is
     * @param warnings lines for the log, one per annotated member that is not woven; the caller logs them
     */
    record Result(byte[] bytes, List<String> warnings) {
        static final Result UNCHANGED = new Result(null, List.of());

        public Result {
            warnings = List.copyOf(warnings);
        }
    }
}
