package io.batchtrack.internal.store;

import io.batchtrack.internal.Json;
import io.batchtrack.internal.JsonReader;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.Losses;
import io.batchtrack.internal.PrivateDirectory;
import io.batchtrack.internal.store.SpoolEntry.Op;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.StoreUnavailableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

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
 * <p>Longer than most files on purpose: the file protocol (create under a temporary name, lock,
 * rename; replay what is past the replayed mark; take over a file only by its lock) is safe only as
 * a whole, and reads best in one place.
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

    private static final String SUFFIX = ".spool";
    /** A file being created: it gets its {@link #SUFFIX} name once its header is on disk and it is locked. */
    private static final String NEW = ".new";
    /** How old a {@code .new} file without a header must be before it is taken for a dead creator's. */
    private static final long NEW_FILE_GRACE_MS = 60_000;
    /** The longest record a spool keeps (and reads back): a record has at most 1,000 bounded warnings. */
    static final int MAX_LINE = 32 << 20;
    /** A replay without deadline. */
    public static final long NO_DEADLINE = Long.MIN_VALUE;
    /** Spool files opened by this JVM: a second channel on a locked file would release its lock on close (POSIX). */
    private static final Set<Path> OPEN_HERE = ConcurrentHashMap.newKeySet();
    private static final Spool NONE = new Spool(null, null, 0, FILES);

    private final Path directory;
    private final String destination;
    private UserPrincipal me; // guarded by this; looked up on first use
    private String prefix; // computed on first use: SHA-256 costs a cold JVM a few milliseconds
    private final long maxBytes;
    private final Opener opener;
    private final Object replayLock = new Object();
    private long replayDeadline = NO_DEADLINE; // guarded by replayLock
    private volatile boolean replaying; // set while a thread holds replayLock
    private volatile boolean orphansSeen;
    private volatile long handOverDeadline = NO_DEADLINE; // once set, every replay stops by it

    // guarded by this
    private Path file;
    private FileChannel channel;
    private FileLock lock;
    private long replayedTo;
    private long lost;
    private long othersBytes; // what the directory's other files held when last counted
    private volatile boolean closed;

    private Spool(Path directory, String destination, long maxBytes, Opener opener) {
        this.directory = directory;
        this.destination = destination;
        this.maxBytes = maxBytes;
        this.opener = opener;
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
        return new Spool(directory.toAbsolutePath().normalize(), destination, maxBytes, opener);
    }

    public boolean enabled() {
        return directory != null;
    }

    /** The spool directory, or null if spooling is off. */
    public Path directory() {
        return directory;
    }

    /**
     * Appends a record and forces it to disk.
     *
     * @return false if it could not be kept (spooling off, spool full, disk error); logged
     */
    public synchronized boolean append(Op op, RunRecord record) {
        if (directory == null || closed) {
            return false;
        }
        byte[] line = (new SpoolEntry(op, record).encode() + "\n").getBytes(StandardCharsets.UTF_8);
        if (line.length > MAX_LINE) {
            lost++;
            Losses.lost("spool-full", "batchtrack cannot spool the " + op.code() + " of run " + record.id() + ": its"
                    + " record is " + line.length + " bytes, more than a spool keeps (" + MAX_LINE + "); it is lost", null);
            return false;
        }
        try {
            if (channel == null) {
                othersBytes = directoryBytes(null);
                if (othersBytes + line.length > maxBytes) {
                    return full(op, record, othersBytes);
                }
                create();
            }
            long size = channel.size();
            if (othersBytes + size + line.length > maxBytes) {
                othersBytes = directoryBytes(file); // other files may have been replayed and removed meanwhile
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

    /** Bytes in the directory's spool files (of any destination), {@code except} one. */
    private long directoryBytes(Path except) throws IOException {
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*{" + SUFFIX + "," + NEW + "}")) {
            for (Path p : files) {
                if (!p.toAbsolutePath().normalize().equals(except)) {
                    try {
                        total += Files.size(p);
                    } catch (NoSuchFileException removed) {
                        // replayed meanwhile
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        return total;
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

    /** Records that could not be kept. */
    public synchronized long lost() {
        return lost;
    }

    /** Whether this engine's own file holds records not yet handed over. */
    public synchronized boolean hasPending() {
        try {
            return channel != null && channel.size() > replayedTo;
        } catch (IOException e) {
            return false;
        }
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
                replayDeadline = deadline;
                int[] counts = new int[2];
                boolean complete = !own || replayOwn(delivery, counts);
                if (complete && orphans) {
                    complete = replayOrphans(delivery, counts);
                }
                return new Replay(counts[0], counts[1], complete);
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

    private boolean replayOwn(Delivery delivery, int[] counts) {
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
        // read outside the monitor, so appends go on meanwhile; only whole records lie before size
        long done = from;
        boolean complete = true;
        try {
            SpoolLines lines = new SpoolLines(c, from, size, MAX_LINE);
            for (SpoolLines.Line line; (line = lines.next()) != null; done = line.end()) {
                if (!deliver(line, ownFile, delivery, counts)) {
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
                        Log.info("batchtrack handed " + counts[0] + " spooled record(s) to the store; " + ownFile
                                + " is empty and removed");
                        release(true);
                    }
                } catch (IOException e) {
                    Log.warnOnce("spool-io", "batchtrack could not remove its replayed spool " + ownFile, e);
                }
            }
        }
        return complete;
    }

    private boolean replayOrphans(Delivery delivery, int[] counts) {
        UserPrincipal me = null;
        if (posix()) {
            try {
                me = me();
                PrivateDirectory.check(directory, me, "spool.dir");
            } catch (NoSuchFileException e) {
                return true; // nothing was ever spooled here
            } catch (IOException e) {
                Log.warnOnce("spool-untrusted", "batchtrack replays no spool file of " + directory + ": "
                        + e.getMessage() + "; its files are left as they are", null);
                return true;
            }
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix() + "*{" + SUFFIX + "," + NEW
                + "}")) {
            for (Path p : files) {
                candidates.add(p.toAbsolutePath().normalize());
            }
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            Log.warnOnce("spool-io", "batchtrack could not list its spool directory " + directory, e);
            return true;
        }
        candidates.sort(null);
        if (!candidates.isEmpty()) {
            orphansSeen = true;
        }
        for (Path p : candidates) {
            if (!OPEN_HERE.add(p)) {
                continue; // this JVM writes or replays it
            }
            try {
                if (!replayOrphan(p, me, delivery, counts)) {
                    return false;
                }
            } catch (IOException e) {
                Log.warnOnce("spool-io", "batchtrack could not replay the spool " + p, e);
            } finally {
                OPEN_HERE.remove(p);
            }
        }
        return true;
    }

    /**
     * One file that an ended process left: a {@code .spool} file, or a {@code .new} one whose process
     * died while creating it (it then holds at most its header, and is removed).
     *
     * @return false if the store is unavailable (stop)
     */
    private boolean replayOrphan(Path p, UserPrincipal me, Delivery delivery, int[] counts) throws IOException {
        if (me != null) {
            try {
                PrivateDirectory.checkFile(p, me);
            } catch (IOException e) {
                Log.warnOnce("spool-untrusted-file", "batchtrack does not replay " + e.getMessage()
                        + "; it is left as it is", null);
                return true;
            }
        }
        boolean creating = p.getFileName().toString().endsWith(NEW);
        try (FileChannel c = opener.open(p, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS))) {
            FileLock l;
            try {
                l = c.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                return true; // its writer is alive
            }
            long size = c.size();
            SpoolLines lines = new SpoolLines(c, 0, size, MAX_LINE);
            SpoolLines.Line header = lines.next();
            if (header == null && creating) {
                if (Files.getLastModifiedTime(p).toMillis() > System.currentTimeMillis() - NEW_FILE_GRACE_MS) {
                    return true; // perhaps created this instant by a process that has not locked it yet
                }
                Files.deleteIfExists(p);
                syncDirectory();
                Log.info("batchtrack removed " + p + ", left without records by a process that died creating it");
                return true;
            }
            if (header == null || header.tooLong() || !isHeaderOf(header.text())) {
                return true; // another destination with the same hash prefix, or not ours: leave it
            }
            int before = counts[0];
            for (SpoolLines.Line line; (line = lines.next()) != null; ) {
                if (!deliver(line, p, delivery, counts)) {
                    return false;
                }
            }
            if (lines.trailing() > 0) {
                Log.warn("batchtrack spool " + p + " ends with an incomplete record (its process died while"
                        + " writing it); " + lines.trailing() + " byte(s) dropped");
            }
            Files.deleteIfExists(p);
            syncDirectory();
            Log.info("batchtrack handed " + (counts[0] - before) + " record(s) spooled by an ended process to the"
                    + " store; " + p + " removed");
            return true;
        }
    }

    /** Whether the replay in progress must hand over no further record. */
    private boolean stopped() {
        return closed || passed(replayDeadline) || passed(handOverDeadline);
    }

    private static boolean passed(long deadline) {
        return deadline != NO_DEADLINE && System.nanoTime() - deadline > 0;
    }

    /** The last hand-over has begun: every replay, one in progress too, stops by {@code deadline}. */
    public void stopReplaysBy(long deadline) {
        handOverDeadline = deadline;
    }

    /** Whether the directory holds files of this destination that this JVM neither writes nor replays. */
    public boolean hasOrphans() {
        if (directory == null) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix() + "*{" + SUFFIX + "," + NEW
                + "}")) {
            for (Path p : files) {
                if (!OPEN_HERE.contains(p.toAbsolutePath().normalize())) {
                    orphansSeen = true;
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false; // nothing was ever spooled here, or it cannot be listed (replay says so)
        }
        return false;
    }

    /** @return false if the store is unavailable (stop); true if the line was delivered or dropped */
    private boolean deliver(SpoolLines.Line line, Path file, Delivery delivery, int[] counts) {
        if (stopped()) {
            return false;
        }
        SpoolEntry entry;
        try {
            if (line.tooLong()) {
                throw new IllegalArgumentException("longer than " + MAX_LINE + " bytes");
            }
            entry = SpoolEntry.decode(line.text());
        } catch (RuntimeException e) {
            counts[1]++;
            Log.warn("batchtrack dropped an unreadable record of spool " + file + ": " + Log.describe(e));
            Losses.counted("spool-dropped");
            return true;
        }
        try {
            delivery.deliver(entry);
            counts[0]++;
            return true;
        } catch (StoreUnavailableException e) {
            return false;
        } catch (Exception e) {
            if (stopped()) {
                return false; // the store is closing under a last replay: keep the record for the next start
            }
            counts[1]++;
            Log.warn("batchtrack dropped the spooled " + entry.op().code() + " of run " + entry.record().id()
                    + ": the store rejected it (" + Log.describe(e) + ")");
            Losses.counted("spool-dropped");
            return true;
        }
    }

    private void create() throws IOException {
        if (posix()) {
            PrivateDirectory.open(directory, me(), "spool.dir"); // made 0700 if missing, else checked
        } else {
            Files.createDirectories(directory);
        }
        String name = prefix() + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        Path fresh = directory.resolve(name + NEW).toAbsolutePath().normalize();
        Path target = directory.resolve(name + SUFFIX).toAbsolutePath().normalize();
        OPEN_HERE.add(fresh); // not an orphan, though its lock is not taken yet
        OPEN_HERE.add(target);
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileChannel c = posix() ? opener.open(fresh, options, ownerOnly("rw-------")) : opener.open(fresh, options);
        try {
            FileLock l = c.lock();
            StringBuilder header = new StringBuilder("{\"batchtrack_spool\":1,\"destination\":");
            Json.string(header, destination).append(",\"pid\":").append(ProcessHandle.current().pid()).append("}\n");
            ByteBuffer b = ByteBuffer.wrap(header.toString().getBytes(StandardCharsets.UTF_8));
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
            syncDirectory(); // the new name survives a power loss
            this.channel = c;
            this.lock = l;
            this.file = target;
            this.replayedTo = c.size();
            Log.warn("batchtrack spools run records to " + target + " until the store answers again");
        } catch (IOException | RuntimeException e) {
            OPEN_HERE.remove(target);
            c.close();
            Files.deleteIfExists(fresh);
            throw e;
        } finally {
            OPEN_HERE.remove(fresh);
        }
    }

    /**
     * Forces the directory's entries to disk after a file was created, renamed or removed in it;
     * where a directory cannot be opened (Windows) the platform's rename is all there is.
     */
    private void syncDirectory() {
        try (FileChannel d = opener.open(directory, Set.of(StandardOpenOption.READ))) {
            d.force(true);
        } catch (IOException e) {
            if (posix()) {
                Log.warnOnce("spool-sync", "batchtrack could not force the spool directory " + directory
                        + " to disk; a power loss may lose a spool file's name", e);
            }
        }
    }

    /** Who this process writes files as; looked up once. */
    private synchronized UserPrincipal me() throws IOException {
        if (me == null) {
            me = PrivateDirectory.currentUser(directory);
        }
        return me;
    }

    private synchronized String prefix() {
        if (prefix == null) {
            prefix = hash(destination) + "-";
        }
        return prefix;
    }

    private boolean isHeaderOf(String header) {
        try {
            Object parsed = JsonReader.parse(header);
            return parsed instanceof java.util.Map<?, ?> m && destination.equals(m.get("destination"));
        } catch (IllegalArgumentException e) {
            return false;
        }
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
        closed = true; // a replay in progress hands over no further record
        List<String> left = new ArrayList<>();
        long records = 0;
        Path mine;
        synchronized (this) {
            mine = file;
            if (channel != null) {
                long pending = 0;
                try {
                    pending = count(channel, replayedTo, channel.size());
                } catch (IOException e) {
                    pending = -1;
                }
                if (pending != 0) {
                    records += Math.max(pending, 0);
                    left.add((pending < 0 ? "unknown record(s)" : pending + " record(s)") + " in " + file);
                }
                release(pending == 0);
            }
        }
        if (orphansSeen) {
            records += leftByEndedProcesses(left, mine);
        }
        if (!left.isEmpty()) {
            String message = "batchtrack leaves " + records + " record(s) not handed to the store: "
                    + String.join(", ", left) + "; the next start with the same store hands them over";
            if (exiting) {
                Log.warnAtExit(message);
            } else {
                Log.warn(message);
            }
        }
    }

    /**
     * Counts the records of files of ended processes still in the directory (their lock is free), not
     * this engine's own file {@code mine}: its lock was released a moment ago and it is counted already.
     */
    private long leftByEndedProcesses(List<String> left, Path mine) {
        long records = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix() + "*{" + SUFFIX + "," + NEW
                + "}")) {
            for (Path p : files) {
                Path abs = p.toAbsolutePath().normalize();
                if (abs.equals(mine) || !OPEN_HERE.add(abs)) {
                    continue;
                }
                try (FileChannel c = FileChannel.open(abs, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS)) {
                    FileLock l = c.tryLock();
                    if (l != null) {
                        long n = Math.max(0, count(c, 0, c.size()) - 1); // the header is no record
                        if (n > 0) {
                            records += n;
                            left.add(n + " record(s) in " + abs);
                        }
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // in use or unreadable: not ours to report
                } finally {
                    OPEN_HERE.remove(abs);
                }
            }
        } catch (IOException e) {
            left.add("the files of " + directory + " (unreadable: " + Log.describe(e) + ")");
        }
        return records;
    }

    private static long count(FileChannel c, long from, long to) throws IOException {
        SpoolLines lines = new SpoolLines(c, from, to, 0);
        long n = 0;
        while (lines.next() != null) {
            n++;
        }
        return n;
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
            OPEN_HERE.remove(file);
            channel = null;
            lock = null;
            file = null;
            replayedTo = 0;
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }

    /** The first 16 hex digits of the destination's SHA-256: a file name that reveals nothing of it. */
    static String hash(String destination) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(destination.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(16);
            for (int i = 0; i < 8; i++) {
                b.append(Character.forDigit((d[i] >> 4) & 0xF, 16)).append(Character.forDigit(d[i] & 0xF, 16));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return directory == null ? "no spool" : "spool in " + directory;
    }
}
