package io.batchtrack.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one rule for a directory whose files batchtrack reads back and acts on (the agent's weaving
 * cache, the spool): it is this user's, not a symbolic link, and neither its group nor others may
 * write to it; created {@code 0700} if missing. Anyone who could write there could put code into a
 * JVM (the cache) or records into the database (the spool). Also the check of one file in it and
 * the {@code fsync} of a directory, which makes a file's creation or rename durable.
 */
public final class PrivateDirectory {
    public static final Set<PosixFilePermission> OWNER_RW = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    public static final Set<PosixFilePermission> OWNER_RWX = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private PrivateDirectory() {}

    /** Whether {@code path}'s file system has owner-only permissions at all (not so on Windows). */
    public static boolean supported(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dir} ({@code 0700}, parents as needed, made durable) unless it exists, then
     * checks it ({@link #check}).
     *
     * @param key the configuration key that names the directory, for the message
     * @throws IOException with a message for the log when the directory cannot be used, or must not be
     */
    public static Path open(Path dir, UserPrincipal me, String key) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (!supported(abs)) {
            throw new IOException("the file system of " + abs + " has no owner-only permissions");
        }
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = abs.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(OWNER_RWX));
                if (parent != null) {
                    sync(parent);
                }
            } catch (FileAlreadyExistsException raced) {
                // another JVM made it first; it is checked below like any existing directory
            }
        }
        check(abs, me, key);
        return abs;
    }

    /** @throws IOException naming what is wrong unless {@code dir} is a directory only {@code me} can write to */
    public static void check(Path dir, UserPrincipal me, String key) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw new IOException(dir + " is a symbolic link");
        }
        if (!attributes.isDirectory()) {
            throw new IOException(dir + " is not a directory");
        }
        if (!attributes.owner().equals(me)) {
            throw new IOException(dir + " belongs to " + attributes.owner().getName() + ", not to " + me.getName());
        }
        Set<PosixFilePermission> mode = attributes.permissions();
        if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(dir + " is writable by " + (mode.contains(PosixFilePermission.OTHERS_WRITE)
                    ? "others" : "its group") + " (" + PosixFilePermissions.toString(mode)
                    + "); make it the owner's only (chmod 700) or name another " + key);
        }
    }

    /** @throws IOException unless {@code file} is a regular file (not a link) of {@code me} that no one else may write */
    public static void checkFile(Path file, UserPrincipal me) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> mode = attributes.permissions();
        if (!attributes.isRegularFile() || !attributes.owner().equals(me)
                || mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(file + " is not a regular file that only " + me.getName() + " can write ("
                    + attributes.owner().getName() + ", " + PosixFilePermissions.toString(mode) + ")");
        }
    }

    /**
     * Who this process writes files as: the user {@code user.name} names, else the owner of
     * {@code /proc/self} (a container user without a passwd entry has no name to look up).
     */
    public static UserPrincipal currentUser(Path dir) throws IOException {
        String name = System.getProperty("user.name");
        try {
            return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
        } catch (IOException | UnsupportedOperationException e) {
            Path self = Path.of("/proc/self");
            if (Files.exists(self)) {
                return Files.getOwner(self);
            }
            throw new IOException("cannot tell who the current user ('" + name + "') is: " + e.getMessage(), e);
        }
    }

    /**
     * Forces {@code dir}'s entries to disk, so that a file created or renamed in it survives a power
     * loss; where directories cannot be opened (not so on Linux and macOS) the rename is as durable as
     * the platform makes it.
     */
    public static void sync(Path dir) throws IOException {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            if (Files.isDirectory(dir)) {
                return; // a platform that cannot open a directory for reading
            }
            throw e;
        }
    }
}
