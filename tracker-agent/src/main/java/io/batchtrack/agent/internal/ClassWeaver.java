package io.batchtrack.agent.internal;

/**
 * Turns the bytes of a class that may hold {@code @TrackedBatch} methods into woven bytes. The seam
 * where a disk cache of woven classes (keyed by a hash of the input bytes and the agent version)
 * can sit in front of Byte Buddy, so that a cached start never loads Byte Buddy at all.
 */
interface ClassWeaver {

    /**
     * @param loader the defining class loader, never the bootstrap loader
     * @param internalName the class's name with slashes, {@code com/example/Job}
     * @param bytes the class file
     * @return the woven class file, or null to leave the class as it is
     */
    byte[] weave(ClassLoader loader, String internalName, byte[] bytes);
}
