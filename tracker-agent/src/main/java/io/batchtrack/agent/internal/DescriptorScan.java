package io.batchtrack.agent.internal;

import java.nio.charset.StandardCharsets;

/**
 * The transformer's pre-filter: does a class file mention {@code Lio/batchtrack/TrackedBatch;}?
 * A class whose methods carry the annotation has that descriptor in its constant pool, so a class
 * without it is passed over before anything parses it. A Horspool search skips most bytes; a hit
 * that is not really an annotated method (a field of that type, say) only costs a parse.
 */
final class DescriptorScan {
    static final String TRACKED_BATCH = "Lio/batchtrack/TrackedBatch;";

    private final byte[] pattern;
    private final int[] shift = new int[256];

    DescriptorScan(String descriptor) {
        this.pattern = descriptor.getBytes(StandardCharsets.US_ASCII);
        int n = pattern.length;
        java.util.Arrays.fill(shift, n);
        for (int i = 0; i < n - 1; i++) {
            shift[pattern[i] & 0xFF] = n - 1 - i;
        }
    }

    boolean foundIn(byte[] bytes) {
        int n = pattern.length;
        int last = n - 1;
        for (int at = 0; at <= bytes.length - n; at += shift[bytes[at + last] & 0xFF]) {
            int i = last;
            while (bytes[at + i] == pattern[i]) {
                if (i-- == 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
