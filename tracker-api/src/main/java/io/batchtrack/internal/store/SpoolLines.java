package io.batchtrack.internal.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a spool file between two offsets, read a block at a time: a replay holds one block
 * and one line in memory, never the file. A line longer than {@code maxLine} is skipped to its end
 * and reported as such ({@link Line#tooLong}), so one oversized line cannot exhaust the heap either.
 */
final class SpoolLines {
    /** Bytes read at a time. */
    static final int BLOCK = 64 * 1024;

    /**
     * One complete line (its newline found before {@code to}).
     *
     * @param text the line without its newline; null if it was longer than allowed
     * @param end the offset just after its newline
     */
    record Line(String text, long end) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final FileChannel channel;
    private final long to;
    private final int maxLine;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long at; // offset of the block's first byte
    private long consumed; // offset just after the last complete line
    private boolean skipping;

    SpoolLines(FileChannel channel, long from, long to, int maxLine) {
        this.channel = channel;
        this.at = from;
        this.consumed = from;
        this.to = to;
        this.maxLine = maxLine;
        block.limit(0);
    }

    /** The next complete line, or null when none is left (what follows the last newline is not a line). */
    Line next() throws IOException {
        while (true) {
            while (block.hasRemaining()) {
                byte b = block.get();
                if (b == '\n') {
                    consumed = at + block.position();
                    String text = skipping ? null : line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    skipping = false;
                    return new Line(text, consumed);
                }
                if (!skipping) {
                    if (line.size() >= maxLine) {
                        skipping = true;
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }
            at += block.limit();
            if (at >= to) {
                return null;
            }
            block.clear();
            block.limit((int) Math.min(BLOCK, to - at));
            int n = 0;
            while (block.hasRemaining() && n >= 0) {
                n = channel.read(block, at + block.position());
            }
            block.flip();
            if (block.limit() == 0) {
                return null; // the file is shorter than it was
            }
        }
    }

    /** Bytes after the last complete line returned, up to {@code to}: a torn last record. */
    long trailing() {
        return to - consumed;
    }

    /** How many complete lines lie between {@code from} and {@code to}. */
    static long count(FileChannel channel, long from, long to) throws IOException {
        SpoolLines lines = new SpoolLines(channel, from, to, 0);
        long n = 0;
        while (lines.next() != null) {
            n++;
        }
        return n;
    }
}
