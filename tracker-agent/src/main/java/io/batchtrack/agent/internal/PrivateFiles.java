package io.batchtrack.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** File operations of the weaving cache: owner-only files, no symbolic links followed, atomic writes. */
final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_RW = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    static final Set<PosixFilePermission> OWNER_RWX = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private static final OpenOption[] READ_NO_LINK = {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS};
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
        String name = System.getProperty("user.name");
        try {
            return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IOException("cannot tell who the current user ('" + name + "') is: " + e.getMessage(), e);
        }
    }

    /** From {@code /dev/urandom} where there is one: SecureRandom's first use costs some 100 ms. */
    static byte[] randomBytes() throws IOException {
        byte[] bytes = new byte[Sha256.LENGTH];
        Path urandom = Path.of("/dev/urandom");
        if (Files.isReadable(urandom)) {
            try (InputStream in = Files.newInputStream(urandom)) {
                if (in.readNBytes(bytes, 0, bytes.length) == bytes.length) {
                    return bytes;
                }
            }
        }
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The bytes of a file that is not a symbolic link and has at most {@code max} of them. */
    static byte[] read(Path file, long max) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, READ_NO_LINK)) {
            long size = channel.size();
            if (size > max) {
                throw new IOException(file + " has " + size + " bytes, more than the " + max + " expected");
            }
            return Channels.newInputStream(channel).readAllBytes();
        }
    }

    /**
     * Owner-only temporary file in the same directory, then a rename over the target; or, not to
     * {@code replace}, a hard link, which fails (and leaves the target as it is) if the target exists.
     */
    static void writeAtomically(Path target, byte[] bytes, boolean replace) throws IOException {
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_RW);
        Path temp = null;
        OutputStream out = null;
        for (int attempt = 0; out == null; attempt++) {
            // CREATE_NEW refuses an existing file or link, so the name need not be unguessable
            temp = target.resolveSibling(".tmp-" + Long.toHexString(System.nanoTime()) + "-"
                    + TEMP_COUNTER.incrementAndGet());
            try {
                out = Channels.newOutputStream(Files.newByteChannel(temp,
                        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
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
