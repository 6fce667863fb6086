package io.batchtrack.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The canonical method order of a class file (the forked proof is in WeavingCacheIT, without class-data sharing). */
class MethodOrderTest {

    @Test
    void theCanonicalFormHoldsTheSameBytesAndIsStable() throws IOException {
        byte[] original = jdkClass("java/util/concurrent/ThreadPoolExecutor.class");

        byte[] canonical = MethodOrder.canonical(original);

        assertThat(canonical).hasSameSizeAs(original);
        assertThat(sorted(canonical)).isEqualTo(sorted(original));
        assertThat(MethodOrder.canonical(canonical)).isEqualTo(canonical);
    }

    @Test
    void anyChangedByteChangesTheCanonicalForm() throws IOException {
        byte[] original = jdkClass("java/util/concurrent/ThreadPoolExecutor.class");
        byte[] changed = original.clone();
        changed[changed.length - 200] ^= 0x01; // in the last method or the attributes after it

        assertThat(MethodOrder.canonical(changed)).isNotEqualTo(MethodOrder.canonical(original));
    }

    @Test
    void somethingThatIsNotAClassFileIsItsOwnCanonicalForm() {
        byte[] notAClass = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 1};
        byte[] other = {1, 2, 3};

        assertThat(MethodOrder.canonical(notAClass)).isSameAs(notAClass);
        assertThat(MethodOrder.canonical(other)).isSameAs(other);
    }

    private static byte[] jdkClass(String resource) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static byte[] sorted(byte[] bytes) {
        byte[] copy = bytes.clone();
        Arrays.sort(copy);
        return copy;
    }
}
