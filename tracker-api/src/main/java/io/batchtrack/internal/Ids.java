package io.batchtrack.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids: UUID version 7 (time-ordered), so new rows land at the end of the primary-key index. */
public final class Ids {
    private Ids() {}

    public static UUID newRunId(long epochMillis) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (epochMillis << 16) | 0x7000L | (r.nextLong() & 0x0FFFL);
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
