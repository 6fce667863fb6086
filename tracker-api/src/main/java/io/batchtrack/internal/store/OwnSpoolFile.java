package io.batchtrack.internal.store;

import io.batchtrack.internal.Log;
import io.batchtrack.internal.Losses;
import io.batchtrack.internal.store.SpoolEntry.Op;
import io.batchtrack.spi.RunRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * This engine's own spool file: created (under a {@code .new} name, locked, its header forced, then
 * renamed) when the first record must be spooled, appended to and forced record by record, replayed
 * from the mark of what was already handed over, and deleted once everything in it was. Its lock is
 * held for as long as the file is open: that is what tells other processes it is not an orphan.
 */
final class OwnSpoolFile {
    private final SpoolDirectory directory;
    private final long maxBytes;
    private final ReplayStop stop;

    // guarded by this
    private Path file;
    private FileChannel channel;
    private FileLock lock;
    private long replayedTo;
    private long lost;
    private long othersBytes; // what the directory's other files held when last counted

    OwnSpoolFile(SpoolDirectory directory, long maxBytes, ReplayStop stop) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.stop = stop;
    }

    /** @return false if it could not be kept (spool closed or full, disk error); logged */
    synchronized boolean append(Op op, RunRecord record) {
        if (stop.closed()) {
            return false;
        }
        byte[] line = (new SpoolEntry(op, record).encode() + "\n").getBytes(StandardCharsets.UTF_8);
        if (line.length > Spool.MAX_LINE) {
            lost++;
            Losses.lost("spool-full", "batchtrack cannot spool the " + op.code() + " of run " + record.id() + ": its"
                    + " record is " + line.length + " bytes, more than a spool keeps (" + Spool.MAX_LINE + "); it is"
                    + " lost", null);
            return false;
        }
        try {
            if (channel == null) {
                othersBytes = directory.bytes(null);
                if (othersBytes + line.length > maxBytes) {
                    return full(op, record, othersBytes);
                }
                create();
            }
            long size = channel.size();
            if (othersBytes + size + line.length > maxBytes) {
                othersBytes = directory.bytes(file); // other files may have been replayed and removed meanwhile
                if (othersBytes + size + line.length > maxBytes) {
                    return full(op, record, othersBytes + size);
                }
            }
            try {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                long at = size;
                while (buffer.hasRemaining()) {
                    at += channel.write(buffer, at);
                }
                channel.force(false);
                return true;
            } catch (IOException | RuntimeException e) {
                tornBackTo(size);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            lost++;
            Losses.lost("spool-io", "batchtrack could not write its spool in " + directory + "; the " + op.code()
                    + " of run " + record.id() + " is lost", e);
            return false;
        }
    }

    /** {@code spool.max-mb} is the directory's limit: every process's files together, not one file each. */
    private boolean full(Op op, RunRecord record, long used) {
        lost++;
        Losses.lost("spool-full", "batchtrack spool directory " + directory + " is full (" + used + " bytes in its"
                + " files, spool.max-mb); the " + op.code() + " of run " + record.id() + " is lost", null);
        return false;
    }

    /**
     * A write failed part way (disk full, I/O error): cut the file back to where the record began, so
     * that the next record starts on a line of its own and the fragment never swallows it. If even
     * that fails, the file is given up (closed, its lock released, left for replay: the fragment is
     * then its last line, which replay drops) and the next record starts a new file.
     */
    private void tornBackTo(long size) {
        try {
            if (channel.size() > size) {
                channel.truncate(size);
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            Log.warn("batchtrack could not cut its spool " + file + " back after a failed write (" + Log.describe(e)
                    + "); it is closed and left for replay, later records go to a new file");
            release(false);
        }
    }

    synchronized long lost() {
        return lost;
    }

    /** Whether the file holds records not yet handed over. */
    synchronized boolean hasPending() {
        try {
            return channel != null && channel.size() > replayedTo;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Hands over what lies past the replayed mark, reading outside the monitor so that appends go on
     * meanwhile; the file is removed once everything in it was handed over.
     *
     * @return whether everything was handed over
     */
    boolean replay(ReplayPass pass) {
        Path ownFile;
        FileChannel c;
        long from;
        long size;
        synchronized (this) {
            if (channel == null) {
                return true;
            }
            try {
                from = replayedTo;
                size = channel.size();
            } catch (IOException e) {
                Log.warnOnce("spool-io", "batchtrack could not read its spool " + file, e);
                return false;
            }
            if (size <= from) {
                return true;
            }
            c = channel;
            ownFile = file;
        }
        // only whole records lie before size
        long done = from;
        boolean complete = true;
        try {
            SpoolLines lines = new SpoolLines(c, from, size, Spool.MAX_LINE);
            for (SpoolLines.Line line; (line = lines.next()) != null; done = line.end()) {
                if (!pass.deliver(line, ownFile)) {
                    complete = false;
                    break;
                }
            }
        } catch (IOException e) {
            Log.warnOnce("spool-io", "batchtrack could not read its spool " + ownFile, e);
            complete = false;
        }
        synchronized (this) {
            if (channel == null || file != ownFile) {
                return complete; // closed or given up meanwhile: the file is an orphan now, replayed as one
            }
            replayedTo = done;
            if (complete) {
                try {
                    if (channel.size() == replayedTo) {
                        Log.info("batchtrack handed " + pass.delivered() + " spooled record(s) to the store; "
                                + ownFile + " is empty and removed");
                        release(true);
                    }
                } catch (IOException e) {
                    Log.warnOnce("spool-io", "batchtrack could not remove its replayed spool " + ownFile, e);
                }
            }
        }
        return complete;
    }

    private void create() throws IOException {
        directory.openPrivately(); // made 0700 if missing, else checked
        String name = directory.freshName();
        Path fresh = directory.path().resolve(name + SpoolDirectory.NEW).toAbsolutePath().normalize();
        Path target = directory.path().resolve(name + SpoolDirectory.SUFFIX).toAbsolutePath().normalize();
        SpoolDirectory.claim(fresh); // not an orphan, though its lock is not taken yet
        SpoolDirectory.claim(target);
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileChannel c = SpoolDirectory.posix()
                ? directory.opener().open(fresh, options, SpoolDirectory.ownerOnly("rw-------"))
                : directory.opener().open(fresh, options);
        try {
            FileLock l = c.lock();
            ByteBuffer b = ByteBuffer.wrap(directory.header().getBytes(StandardCharsets.UTF_8));
            long at = 0;
            while (b.hasRemaining()) {
                at += c.write(b, at);
            }
            c.force(true);
            // only a complete, locked file gets the name other processes look for
            try {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(fresh, target);
            }
            directory.sync(); // the new name survives a power loss
            this.channel = c;
            this.lock = l;
            this.file = target;
            this.replayedTo = c.size();
            Log.warn("batchtrack spools run records to " + target + " until the store answers again");
        } catch (IOException | RuntimeException e) {
            SpoolDirectory.unclaim(target);
            c.close();
            Files.deleteIfExists(fresh);
            throw e;
        } finally {
            SpoolDirectory.unclaim(fresh);
        }
    }

    /**
     * Closes the file: deleted if everything in it was handed over, else left for the next start
     * and named in {@code left}.
     *
     * @return the file it was (null if none was open): its lock is free now, yet it is no ended process's
     */
    synchronized Path close(SpoolLeftovers left) {
        Path mine = file;
        if (channel != null) {
            long pending;
            try {
                pending = SpoolLines.count(channel, replayedTo, channel.size());
            } catch (IOException e) {
                pending = -1;
            }
            if (pending < 0) {
                left.unknown(file);
            } else if (pending > 0) {
                left.records(pending, file);
            }
            release(pending == 0);
        }
        return mine;
    }

    private void release(boolean delete) {
        try {
            if (delete) {
                Files.deleteIfExists(file);
            }
            if (lock != null) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            Log.warnOnce("spool-io", "batchtrack could not close its spool " + file, e);
        } finally {
            SpoolDirectory.unclaim(file);
            channel = null;
            lock = null;
            file = null;
            replayedTo = 0;
        }
    }
}
