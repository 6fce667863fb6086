package io.batchtrack.internal.store;

import io.batchtrack.internal.Log;
import io.batchtrack.internal.PrivateDirectory;
import io.batchtrack.internal.store.SpoolEntry.Op;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * The local durable spool: records the store could not take while its database was unreachable,
 * one JSON line each ({@link SpoolEntry}), appended to a file of this engine and forced to disk,
 * then handed to the store again, in order, once it answers.
 *
 * <p>Files are named {@code <destination hash>-<pid>-<random>.spool} in the spool directory, start
 * with a header line naming the destination, and are locked by their writer for as long as it lives.
 * A file whose lock can be taken belongs to a process that has ended: the next engine with the same
 * destination replays and deletes it ({@code .new} files too: a process that died creating one). A
 * file is created only when a record must be spooled; nothing is read or written while the store
 * answers. Durability: each record is forced to disk; a file's creation, rename and removal force the
 * directory too. Trust: the directory must be this user's and no one else's to write
 * ({@link PrivateDirectory}, the weaving cache's rule), else nothing is spooled in it and nothing
 * replayed from it; a file is replayed only if it is a regular file of this user. Replay streams
 * ({@link SpoolLines}): memory is bounded by one record, never a file.
 *
 * <p>This class is the protocol's front and its overview; each part is a file of its own:
 * <ul>
 *   <li>{@link SpoolDirectory}: names, header, which files this JVM holds, trust and directory sync;
 *   <li>{@link OwnSpoolFile}: this engine's file (create under a temporary name, lock, rename; append;
 *       replay what is past the replayed mark; delete once empty);
 *   <li>{@link EndedProcessFiles}: the files ended processes left (taken over only by their lock);
 *   <li>{@link ReplayPass} and {@link ReplayStop}: one replay's deliveries and when replays stop;
 *   <li>{@link SpoolLeftovers}: what the close leaves for the next start, reported in one line.
 * </ul>
 */
public final class Spool implements AutoCloseable {
    /** Called for each spooled entry, in order; throws {@link StoreUnavailableException} to stop. */
    @FunctionalInterface
    public interface Delivery {
        void deliver(SpoolEntry entry) throws Exception;
    }

    /** What one replay did. */
    public record Replay(int delivered, int rejected, boolean complete) {}

    /** How spool files are opened: {@link FileChannel#open}, or in a test a channel that fails on cue. */
    @FunctionalInterface
    public interface Opener {
        FileChannel open(Path file, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
                throws IOException;
    }

    /** The file system itself. */
    public static final Opener FILES = new Opener() { // no lambda: see the api's start-up notes
        @Override
        public FileChannel open(Path file, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
                throws IOException {
            return FileChannel.open(file, options, attributes);
        }
    };

    /** The longest record a spool keeps (and reads back): a record has at most 1,000 bounded warnings. */
    static final int MAX_LINE = 32 << 20;
    /** A replay without deadline. */
    public static final long NO_DEADLINE = ReplayStop.NONE;
    private static final Spool NONE = new Spool(null, 0);

    private final SpoolDirectory directory; // null: spooling is off
    private final ReplayStop stop = new ReplayStop();
    private final OwnSpoolFile own;
    private final EndedProcessFiles ended;
    private final Object replayLock = new Object();
    private volatile boolean replaying; // set while a thread holds replayLock

    private Spool(SpoolDirectory directory, long maxBytes) {
        this.directory = directory;
        this.own = directory == null ? null : new OwnSpoolFile(directory, maxBytes, stop);
        this.ended = directory == null ? null : new EndedProcessFiles(directory);
    }

    /** A spool that keeps nothing. */
    public static Spool none() {
        return NONE;
    }

    /** A spool for records bound to {@code destination}, in {@code directory}; touches no file yet. */
    public static Spool in(Path directory, String destination, long maxBytes) {
        return in(directory, destination, maxBytes, FILES);
    }

    /** A spool whose files are opened by {@code opener}. */
    public static Spool in(Path directory, String destination, long maxBytes, Opener opener) {
        return new Spool(new SpoolDirectory(directory.toAbsolutePath().normalize(), destination, opener), maxBytes);
    }

    public boolean enabled() {
        return directory != null;
    }

    /** The spool directory, or null if spooling is off. */
    public Path directory() {
        return directory == null ? null : directory.path();
    }

    /**
     * Appends a record and forces it to disk.
     *
     * @return false if it could not be kept (spooling off, spool full, disk error); logged
     */
    public boolean append(Op op, RunRecord record) {
        return own != null && own.append(op, record);
    }

    /** Records that could not be kept. */
    public long lost() {
        return own == null ? 0 : own.lost();
    }

    /** Whether this engine's own file holds records not yet handed over. */
    public boolean hasPending() {
        return own != null && own.hasPending();
    }

    /**
     * Hands spooled records to {@code delivery}, oldest first: this engine's own (if asked), then
     * (if asked) those of ended processes with the same destination. Stops at the first
     * {@link StoreUnavailableException} and resumes there next time; a record the store rejects for
     * any other reason is logged and dropped, so one bad record never blocks the rest.
     */
    public Replay replay(Delivery delivery, boolean own, boolean orphans) {
        return replay(delivery, own, orphans, NO_DEADLINE);
    }

    /**
     * As {@link #replay(Delivery, boolean, boolean)}, but no record is handed over once
     * {@code deadline} ({@link System#nanoTime()}) has passed or the spool is closed: the replay then
     * stops there, incomplete, and a record the store failed meanwhile is kept, not dropped (the
     * store may be closing).
     */
    public Replay replay(Delivery delivery, boolean own, boolean orphans, long deadline) {
        if (directory == null) {
            return new Replay(0, 0, true);
        }
        synchronized (replayLock) {
            replaying = true;
            try {
                ReplayPass pass = new ReplayPass(delivery, stop, deadline);
                boolean complete = !own || this.own.replay(pass);
                if (complete && orphans) {
                    complete = ended.replay(pass);
                }
                return pass.result(complete);
            } finally {
                replaying = false;
            }
        }
    }

    /**
     * Whether a replay is under way: the files it holds are neither pending nor orphans to
     * {@link #hasPending}/{@link #hasOrphans}, yet the last hand-over must wait for it, or closing the
     * spool would cut it short.
     */
    public boolean replaying() {
        return replaying;
    }

    /** The last hand-over has begun: every replay, one in progress too, stops by {@code deadline}. */
    public void stopReplaysBy(long deadline) {
        stop.handOverBy(deadline);
    }

    /** Whether the directory holds files of this destination that this JVM neither writes nor replays. */
    public boolean hasOrphans() {
        return ended != null && ended.any();
    }

    /**
     * Closes this engine's file: deleted if everything in it was handed over, else left for the next
     * start. Logs exactly what is left behind for the next start: how many records, in which files
     * (this engine's own and those of ended processes it could not hand over).
     */
    @Override
    public void close() {
        close(false);
    }

    /** @param exiting whether the JVM exits (the report then goes to standard error too: {@link Log#warnAtExit}) */
    public void close(boolean exiting) {
        stop.close(); // a replay in progress hands over no further record
        if (directory == null) {
            return;
        }
        SpoolLeftovers left = new SpoolLeftovers();
        Path mine = own.close(left);
        if (ended.seen()) {
            ended.countLeft(left, mine);
        }
        left.report(exiting);
    }

    /** The first 16 hex digits of the destination's SHA-256: a file name that reveals nothing of it. */
    static String hash(String destination) {
        return SpoolDirectory.hash(destination);
    }

    @Override
    public String toString() {
        return directory == null ? "no spool" : "spool in " + directory;
    }
}
