package io.batchtrack.agent.internal;

/** Holds the Byte Buddy weaver, created (and Byte Buddy loaded) on first use only. */
final class Weavers {
    private Weavers() {}

    static ClassWeaver byteBuddy() {
        return Holder.WEAVER;
    }

    private static final class Holder {
        static final ClassWeaver WEAVER = new ByteBuddyWeaver();
    }
}
