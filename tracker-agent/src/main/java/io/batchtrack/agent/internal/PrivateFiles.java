package io.batchtrack.agent.internal;

import io.batchtrack.internal.PrivateDirectory;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** File operations of the weaving cache: owner-only files, no symbolic links followed, atomic writes. */
final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_RW = PrivateDirectory.OWNER_RW;

    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private PrivateFiles() {}

    /**
     * Who this process writes files as: the owner of the api jar it extracted, else the user named by
     * {@code user.name} (which a container user without a passwd entry does not have).
     */
    static UserPrincipal currentUser(Path dir) throws IOException {
        Path ours = ApiJar.appended();
        if (ours != null) {
            try {
                return Files.getOwner(ours, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                // deleted meanwhile: ask by name
            }
        }
        return PrivateDirectory.currentUser(dir);
    }

    /** From {@code /dev/urandom} where there is one: SecureRandom's first use costs some 100 ms. */
    static byte[] randomBytes() throws IOException {
        byte[] bytes = new byte[Sha256.LENGTH];
        Path urandom = Path.of("/dev/urandom");
        if (Files.isReadable(urandom)) {
            try (InputStream in = new FileInputStream(urandom.toFile())) {
                if (in.readNBytes(bytes, 0, bytes.length) == bytes.length) {
                    return bytes;
                }
            }
        }
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /**
     * The bytes of a file that is not a symbolic link and has at most {@code max} of them. Plain
     * {@code java.io} streams, here and in {@link #writeAtomically}: a class may load on a thread that is
     * interrupted meanwhile (a pool's worker being shut down), and an NIO file channel closes on an
     * interrupt, losing the read or the write.
     */
    static byte[] read(Path file, long max) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " is not a regular file");
        }
        try (InputStream in = new FileInputStream(file.toFile())) {
            byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > max) {
                throw new IOException(file + " has more than the " + max + " bytes expected");
            }
            return bytes;
        }
    }

    /**
     * Owner-only temporary file in the same directory, then a rename over the target; or, not to
     * {@code replace}, a hard link, which fails (and leaves the target as it is) if the target exists.
     */
    static void writeAtomically(Path target, byte[] bytes, boolean replace) throws IOException {
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_RW);
        Path temp = null;
        for (int attempt = 0; temp == null; attempt++) {
            // createFile refuses an existing file or link, so the name need not be unguessable
            Path candidate = target.resolveSibling(".tmp-" + Long.toHexString(System.nanoTime()) + "-"
                    + TEMP_COUNTER.incrementAndGet());
            try {
                temp = Files.createFile(candidate, ownerOnly);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
        // the directory is the owner's only (WeaveCache.open), so no one else can swap the new file for a link
        OutputStream out = new FileOutputStream(temp.toFile());
        try {
            try (OutputStream o = out) {
                o.write(bytes);
            }
            if (replace) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try {
                    Files.createLink(target, temp);
                } catch (FileAlreadyExistsException raced) {
                    // another JVM was first; the caller reads what it wrote
                } catch (IOException | UnsupportedOperationException noLinks) {
                    // a file system without hard links: a rename, which may replace a racing JVM's key
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
