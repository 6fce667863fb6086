package io.batchtrack.internal.store;

import io.batchtrack.internal.Log;
import io.batchtrack.internal.PrivateDirectory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The files that ended processes of the same destination left in the spool directory: found (a
 * file whose lock can be taken has no living writer), checked (a private directory, a regular file
 * of this user, a header naming this destination), replayed in name order and deleted, and counted
 * for the report when the spool closes. A {@code .new} file is one whose process died creating it:
 * it holds at most its header and is removed.
 */
final class EndedProcessFiles {
    /** How old a {@code .new} file without a header must be before it is taken for a dead creator's. */
    private static final long NEW_FILE_GRACE_MS = 60_000;

    private final SpoolDirectory directory;
    private volatile boolean seen;

    EndedProcessFiles(SpoolDirectory directory) {
        this.directory = directory;
    }

    /** Whether such files were ever seen: only then does the close count what they still hold. */
    boolean seen() {
        return seen;
    }

    /** Whether the directory holds files of this destination that this JVM neither writes nor replays. */
    boolean any() {
        try (DirectoryStream<Path> files = directory.destinationFiles()) {
            for (Path p : files) {
                if (!SpoolDirectory.heldHere(p.toAbsolutePath().normalize())) {
                    seen = true;
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false; // nothing was ever spooled here, or it cannot be listed (replay says so)
        }
        return false;
    }

    /** @return false if the replay stopped (store unavailable, closing, deadline) */
    boolean replay(ReplayPass pass) {
        UserPrincipal me = null;
        if (SpoolDirectory.posix()) {
            try {
                me = directory.me();
                PrivateDirectory.check(directory.path(), me, "spool.dir");
            } catch (NoSuchFileException e) {
                return true; // nothing was ever spooled here
            } catch (IOException e) {
                Log.warnOnce("spool-untrusted", "batchtrack replays no spool file of " + directory + ": "
                        + e.getMessage() + "; its files are left as they are", null);
                return true;
            }
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> files = directory.destinationFiles()) {
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
            seen = true;
        }
        for (Path p : candidates) {
            if (!SpoolDirectory.claim(p)) {
                continue; // this JVM writes or replays it
            }
            try {
                if (!replayOne(p, me, pass)) {
                    return false;
                }
            } catch (IOException e) {
                Log.warnOnce("spool-io", "batchtrack could not replay the spool " + p, e);
            } finally {
                SpoolDirectory.unclaim(p);
            }
        }
        return true;
    }

    /** @return false if the replay stopped */
    private boolean replayOne(Path p, UserPrincipal me, ReplayPass pass) throws IOException {
        if (me != null) {
            try {
                PrivateDirectory.checkFile(p, me);
            } catch (IOException e) {
                Log.warnOnce("spool-untrusted-file", "batchtrack does not replay " + e.getMessage()
                        + "; it is left as it is", null);
                return true;
            }
        }
        boolean creating = p.getFileName().toString().endsWith(SpoolDirectory.NEW);
        try (FileChannel c = directory.opener().open(p, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
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
            SpoolLines lines = new SpoolLines(c, 0, size, Spool.MAX_LINE);
            SpoolLines.Line header = lines.next();
            if (header == null && creating) {
                if (Files.getLastModifiedTime(p).toMillis() > System.currentTimeMillis() - NEW_FILE_GRACE_MS) {
                    return true; // perhaps created this instant by a process that has not locked it yet
                }
                Files.deleteIfExists(p);
                directory.sync();
                Log.info("batchtrack removed " + p + ", left without records by a process that died creating it");
                return true;
            }
            if (header == null || header.tooLong() || !directory.isHeaderOf(header.text())) {
                return true; // another destination with the same hash prefix, or not ours: leave it
            }
            int before = pass.delivered();
            for (SpoolLines.Line line; (line = lines.next()) != null; ) {
                if (!pass.deliver(line, p)) {
                    return false;
                }
            }
            if (lines.trailing() > 0) {
                Log.warn("batchtrack spool " + p + " ends with an incomplete record (its process died while"
                        + " writing it); " + lines.trailing() + " byte(s) dropped");
            }
            Files.deleteIfExists(p);
            directory.sync();
            Log.info("batchtrack handed " + (pass.delivered() - before) + " record(s) spooled by an ended process"
                    + " to the store; " + p + " removed");
            return true;
        }
    }

    /**
     * Counts into {@code left} the records of such files still in the directory (their lock is free),
     * not this engine's own file {@code mine}: its lock was released a moment ago and it is counted already.
     */
    void countLeft(SpoolLeftovers left, Path mine) {
        try (DirectoryStream<Path> files = directory.destinationFiles()) {
            for (Path p : files) {
                Path abs = p.toAbsolutePath().normalize();
                if (abs.equals(mine) || !SpoolDirectory.claim(abs)) {
                    continue;
                }
                try (FileChannel c = FileChannel.open(abs, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS)) {
                    FileLock l = c.tryLock();
                    if (l != null) {
                        long n = Math.max(0, SpoolLines.count(c, 0, c.size()) - 1); // the header is no record
                        if (n > 0) {
                            left.records(n, abs);
                        }
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // in use or unreadable: not ours to report
                } finally {
                    SpoolDirectory.unclaim(abs);
                }
            }
        } catch (IOException e) {
            left.unreadable(directory.path(), e);
        }
    }
}
