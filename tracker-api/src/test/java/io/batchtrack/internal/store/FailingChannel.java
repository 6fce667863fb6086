package io.batchtrack.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * A real file channel that, once armed, writes only the next {@code n} bytes and then fails as a
 * full disk does (a partial write followed by an {@link IOException}); optionally its truncate fails
 * too. The {@link Spool.Opener} of {@link #opener} hands out such channels.
 */
final class FailingChannel extends FileChannel {
    /** What the test arms: bytes still allowed (negative: no limit), and whether truncate fails. */
    static final class Fault {
        volatile long allowed = -1;
        volatile boolean truncateFails;
        volatile int failedWrites;

        void failAfter(long bytes) {
            allowed = bytes;
        }

        void heal() {
            allowed = -1;
            truncateFails = false;
        }
    }

    private final FileChannel real;
    private final Fault fault;

    private FailingChannel(FileChannel real, Fault fault) {
        this.real = real;
        this.fault = fault;
    }

    static Spool.Opener opener(Fault fault) {
        return new Spool.Opener() {
            @Override
            public FileChannel open(Path file, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
                    throws IOException {
                return new FailingChannel(FileChannel.open(file, options, attributes), fault);
            }
        };
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        long allowed = fault.allowed;
        if (allowed < 0) {
            return real.write(src, position);
        }
        if (allowed == 0) {
            fault.failedWrites++;
            throw new IOException("No space left on device (test)");
        }
        int n = (int) Math.min(allowed, src.remaining());
        ByteBuffer part = src.slice(src.position(), n);
        int written = real.write(part, position);
        src.position(src.position() + written);
        fault.allowed = allowed - written;
        return written;
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        if (fault.truncateFails) {
            throw new IOException("Input/output error (test)");
        }
        real.truncate(size);
        return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return write(src, real.position());
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        throw new UnsupportedOperationException("the spool writes at positions");
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public void force(boolean metaData) throws IOException {
        real.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return real.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return real.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
