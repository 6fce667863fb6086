package io.batchtrack.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DescriptorScanTest {
    private final DescriptorScan scan = new DescriptorScan(DescriptorScan.TRACKED_BATCH);

    @Test
    void findsTheDescriptorInAClassWithAnAnnotatedMethod() throws IOException {
        assertThat(scan.foundIn(classFile(Annotated.class))).isTrue();
    }

    @Test
    void passesOverAClassThatNeverMentionsTheAnnotation() throws IOException {
        assertThat(scan.foundIn(classFile(Plain.class))).isFalse();
    }

    @Test
    void aNestedAnnotationOfTrackedBatchIsNotTheDescriptor() {
        byte[] bytes = "....Lio/batchtrack/TrackedBatch$Mode;....".getBytes(StandardCharsets.US_ASCII);

        assertThat(scan.foundIn(bytes)).isFalse();
    }

    @Test
    void findsTheDescriptorAtTheVeryStartAndEndOfTheBytes() {
        assertThat(scan.foundIn(DescriptorScan.TRACKED_BATCH.getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(scan.foundIn(("xyz" + DescriptorScan.TRACKED_BATCH).getBytes(StandardCharsets.US_ASCII))).isTrue();
    }

    @Test
    void bytesShorterThanTheDescriptorHoldNoMatch() {
        assertThat(scan.foundIn(new byte[0])).isFalse();
        assertThat(scan.foundIn("Lio/batchtrack/Tracked".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    static final class Annotated {
        @io.batchtrack.TrackedBatch(type = "x")
        void run() {}
    }

    static final class Plain {
        void run() {}
    }
}
