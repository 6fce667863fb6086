package io.batchtrack.status.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response body written as it is made, never more than a cap of bytes: the head and the end are
 * always written; an item is written only if it and the room kept for the end still fit, and after
 * the first that does not, none is. The caller then ends with a marker saying what was left out.
 * One request's items are rendered one at a time, so memory holds one item, not the response.
 */
public final class CappedBody {
    /** Room kept for the end and the truncation marker. */
    static final int RESERVE = 1_024;

    private final OutputStream out;
    private final long cap;
    private long written;
    private boolean full;

    CappedBody(OutputStream out, long cap) {
        this.out = new BufferedOutputStream(out, 16 * 1024);
        this.cap = cap;
    }

    /** Text that must be there: the head, the end, the marker. */
    void write(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        written += bytes.length;
    }

    /** Writes an item if it fits below the cap (keeping {@link #RESERVE}); false, writing nothing, once one did not. */
    boolean item(String text) throws IOException {
        if (full) {
            return false;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (written + bytes.length + RESERVE > cap) {
            full = true;
            return false;
        }
        out.write(bytes);
        written += bytes.length;
        return true;
    }

    /** The cap in bytes, for the marker. */
    long cap() {
        return cap;
    }

    void finish() throws IOException {
        out.flush();
    }
}
