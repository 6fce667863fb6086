package io.batchtrack.agent.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What, besides a class's own bytes, decides the woven bytes: the agent's version, the Byte Buddy it
 * bundles, the classes that shape the woven code, the api the advice calls, and (to be safe) the Java
 * feature version that weaves. Read from the agent jar's manifest and central directory (sizes and
 * CRCs, nothing decompressed), so it costs about a millisecond. A class that changes what the weaver
 * writes belongs in {@link #SHAPING}.
 */
final class WeaverIdentity {
    /** Raise when the meaning of a cache entry changes. */
    private static final String SCHEME = "batchtrack weaving cache 1";

    static final String BYTE_BUDDY_ATTRIBUTE = "Batchtrack-Byte-Buddy";

    private static final String[] SHAPING = {
        "io/batchtrack/agent/internal/ByteBuddyWeaver.class",
        "io/batchtrack/agent/internal/TrackedBatchAdvice.class",
        "io/batchtrack/agent/internal/SuspendAdvice.class",
        "io/batchtrack/agent/internal/TrackedMethodSite.class",
        "io/batchtrack/agent/internal/TrackedMethodOf.class",
        "io/batchtrack/agent/internal/JdkExecutorsWeaver.class",
        "io/batchtrack/agent/internal/PropagationAdvice$WrapRunnable.class",
        "io/batchtrack/agent/internal/PropagationAdvice$Submitted.class",
        "io/batchtrack/agent/internal/PropagationAdvice$Rejected.class",
        "io/batchtrack/agent/internal/PropagationAdvice$Drained.class",
        "io/batchtrack/agent/internal/PropagationAdvice$Executes.class",
        ApiJar.ENTRY,
    };

    private WeaverIdentity() {}

    /** The identity of the agent jar this class was loaded from. */
    static byte[] ofAgentJar() throws IOException {
        try (JarFile jar = new JarFile(ApiJar.agentJar().toFile(), false)) {
            Manifest manifest = jar.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            StringBuilder text = new StringBuilder(SCHEME)
                    .append("\njava ").append(Runtime.version().feature())
                    .append("\nagent ").append(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION))
                    .append("\nbyte-buddy ").append(main.getValue(BYTE_BUDDY_ATTRIBUTE));
            for (String name : SHAPING) {
                JarEntry e = jar.getJarEntry(name);
                if (e == null) {
                    throw new IOException("the agent jar has no " + name);
                }
                text.append('\n').append(name).append(' ').append(e.getSize()).append(' ')
                        .append(Long.toHexString(e.getCrc()));
            }
            return Sha256.of(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
