package io.batchtrack.internal.store;

import io.batchtrack.internal.Json;
import io.batchtrack.internal.JsonReader;
import io.batchtrack.internal.Log;
import io.batchtrack.internal.PrivateDirectory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The spool directory as the files of one destination share it: their names
 * ({@code <destination hash>-<pid>-<random>.spool}, {@code .new} while one is created), their header,
 * which of them this JVM holds open (and so are no ended process's), the directory's trust rule
 * ({@link PrivateDirectory}) and forcing its entries to disk. {@link Spool} describes the protocol.
 */
final class SpoolDirectory {
    static final String SUFFIX = ".spool";
    /** A file being created: it gets its {@link #SUFFIX} name once its header is on disk and it is locked. */
    static final String NEW = ".new";
    /** Spool files opened by this JVM: a second channel on a locked file would release its lock on close (POSIX). */
    private static final Set<Path> OPEN_HERE = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final String destination;
    private final Spool.Opener opener;
    private UserPrincipal me; // guarded by this; looked up on first use
    private String prefix; // computed on first use: SHA-256 costs a cold JVM a few milliseconds

    SpoolDirectory(Path path, String destination, Spool.Opener opener) {
        this.path = path;
        this.destination = destination;
        this.opener = opener;
    }

    Path path() {
        return path;
    }

    Spool.Opener opener() {
        return opener;
    }

    /** Marks {@code file} as held by this JVM; false if it already was (this JVM writes or replays it). */
    static boolean claim(Path file) {
        return OPEN_HERE.add(file);
    }

    static void unclaim(Path file) {
        OPEN_HERE.remove(file);
    }

    static boolean heldHere(Path file) {
        return OPEN_HERE.contains(file);
    }

    /** This destination's {@code .spool} and {@code .new} files. */
    DirectoryStream<Path> destinationFiles() throws IOException {
        return Files.newDirectoryStream(path, prefix() + "*{" + SUFFIX + "," + NEW + "}");
    }

    /** Bytes in the directory's spool files (of any destination), {@code except} one. */
    long bytes(Path except) throws IOException {
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path, "*{" + SUFFIX + "," + NEW + "}")) {
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

    /** Makes the directory 0700 if it is missing, else checks it is this user's alone (POSIX). */
    void openPrivately() throws IOException {
        if (posix()) {
            PrivateDirectory.open(path, me(), "spool.dir");
        } else {
            Files.createDirectories(path);
        }
    }

    /** A fresh file name without suffix: this destination's prefix, this process's pid, a random part. */
    String freshName() {
        return prefix() + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    /** The first line of every file: it names the destination, which a reader checks before replaying. */
    String header() {
        StringBuilder header = new StringBuilder("{\"batchtrack_spool\":1,\"destination\":");
        Json.string(header, destination).append(",\"pid\":").append(ProcessHandle.current().pid()).append("}\n");
        return header.toString();
    }

    boolean isHeaderOf(String header) {
        try {
            Object parsed = JsonReader.parse(header);
            return parsed instanceof java.util.Map<?, ?> m && destination.equals(m.get("destination"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Forces the directory's entries to disk after a file was created, renamed or removed in it;
     * where a directory cannot be opened (Windows) the platform's rename is all there is.
     */
    void sync() {
        try (FileChannel d = opener.open(path, Set.of(StandardOpenOption.READ))) {
            d.force(true);
        } catch (IOException e) {
            if (posix()) {
                Log.warnOnce("spool-sync", "batchtrack could not force the spool directory " + path
                        + " to disk; a power loss may lose a spool file's name", e);
            }
        }
    }

    /** Who this process writes files as; looked up once. */
    synchronized UserPrincipal me() throws IOException {
        if (me == null) {
            me = PrivateDirectory.currentUser(path);
        }
        return me;
    }

    private synchronized String prefix() {
        if (prefix == null) {
            prefix = hash(destination) + "-";
        }
        return prefix;
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static FileAttribute<?> ownerOnly(String permissions) {
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
        return path.toString();
    }
}
