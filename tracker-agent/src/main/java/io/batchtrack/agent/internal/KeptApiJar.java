package io.batchtrack.agent.internal;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

/**
 * The api jar kept across starts, so that a start does not inflate and write it again (the extraction
 * was some 8–25 ms of every premain, and its NIO channel some 40 classes). It lives in
 * {@code <java.io.tmpdir>/batchtrack-api-<user>/tracker-api-<crc32>-<size>.jar}, the CRC-32 and size
 * being those the agent jar's central directory gives for the nested jar (read without inflating it),
 * so each agent build has its own name. It goes on the bootstrap class path, so it is used only when
 * no one but this user could have written it:
 * <ul>
 *   <li>the directory is this user's, not a symbolic link, {@code 0700} or stricter, and its parent is
 *       either writable by its owner only or sticky (as {@code /tmp} is: no one else can rename or
 *       remove our directory in it, so it cannot be swapped after the check);</li>
 *   <li>the file is a regular file (not a link) of this user that no one else can read or write, and
 *       its size and CRC-32 are the nested jar's: a torn, truncated or stale file is written again.</li>
 * </ul>
 * The CRC is no defence against a forger, and is not meant as one: only this user (or root, who could
 * change the agent jar itself) can write into the directory. A new file is written beside the target
 * and renamed over it, so JVMs starting together never see half a jar (they may each write one; the
 * copies are the same bytes). When any of this cannot be had (no POSIX permissions, another user's
 * directory, an unknown user) the caller extracts a fresh file for this process, as before.
 *
 * <p>JDK types only: this runs before any api class can be loaded.
 */
final class KeptApiJar {
    static final String DIRECTORY_PREFIX = "batchtrack-api-";

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    /** {@code unix:mode} bits: written by group or others, and the sticky bit. */
    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final int STICKY = 01000;

    private KeptApiJar() {}

    /**
     * The kept copy of {@code entry} (checked, or written now), or null when none can be kept safely here.
     *
     * @param tmp the temporary directory whose {@code batchtrack-api-<user>} directory holds the copy
     */
    static Path of(JarFile agent, JarEntry entry, Path tmp) {
        long size = entry.getSize();
        long crc = entry.getCrc();
        if (size < 0 || crc < 0) {
            return null;
        }
        try {
            UserPrincipal me = currentUser(tmp);
            Path dir = directory(tmp, me);
            if (dir == null) {
                return null;
            }
            Path jar = dir.resolve("tracker-api-" + Long.toHexString(crc) + "-" + size + ".jar");
            if (!intact(jar, me, size, crc)) {
                write(agent, entry, jar, size, crc);
            }
            return jar;
        } catch (IOException | RuntimeException e) {
            return null; // a fresh file for this process, as without a kept one
        }
    }

    /** The private directory under {@code tmp}, created {@code 0700} if missing; null when it must not be used. */
    private static Path directory(Path tmp, UserPrincipal me) throws IOException {
        Path parent = tmp.toAbsolutePath();
        int parentMode = (Integer) Files.getAttribute(parent, "unix:mode");
        if ((parentMode & GROUP_OR_OTHERS_WRITE) != 0 && (parentMode & STICKY) == 0) {
            return null; // anyone may rename our directory away and put theirs in its place
        }
        Path dir = parent.resolve(DIRECTORY_PREFIX + userPart(System.getProperty("user.name")));
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException missing) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } catch (FileAlreadyExistsException raced) {
                // another JVM made it meanwhile (or someone else did): checked below either way
            }
            a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        return a.isDirectory() && a.owner().equals(me) && OWNER_ONLY_DIR.containsAll(a.permissions()) ? dir : null;
    }

    /** Whether {@code jar} is this user's owner-only regular file holding exactly the nested jar's size and CRC. */
    private static boolean intact(Path jar, UserPrincipal me, long size, long crc) throws IOException {
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(jar, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException missing) {
            return false;
        }
        if (!a.isRegularFile() || !a.owner().equals(me) || !OWNER_ONLY_FILE.containsAll(a.permissions())
                || a.size() != size) {
            return false;
        }
        CRC32 sum = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = new FileInputStream(jar.toFile())) {
            for (int n; (n = in.read(buffer)) > 0; total += n) {
                sum.update(buffer, 0, n);
            }
        }
        return total == size && sum.getValue() == crc;
    }

    /** Inflates the nested jar into a new owner-only file beside {@code jar}, checks it and renames it over {@code jar}. */
    private static void write(JarFile agent, JarEntry entry, Path jar, long size, long crc) throws IOException {
        Path temp = null;
        for (int attempt = 0; temp == null; attempt++) {
            Path candidate = jar.resolveSibling(".tmp-" + Long.toHexString(System.nanoTime()) + ".jar");
            try {
                temp = Files.createFile(candidate, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
        try {
            CRC32 sum = new CRC32();
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = agent.getInputStream(entry); OutputStream out = new FileOutputStream(temp.toFile())) {
                for (int n; (n = in.read(buffer)) > 0; total += n) {
                    sum.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (total != size || sum.getValue() != crc) {
                throw new IOException("the nested api jar does not match its own size and CRC");
            }
            // JVMs starting together may each rename a copy into place: the same bytes, whichever is last
            Files.move(temp, jar, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Who this process writes files as: the user {@code user.name} names, else the owner of
     * {@code /proc/self} (a container user without a passwd entry has no name to look up); as the
     * api's {@code PrivateDirectory.currentUser}, which cannot be used before the api is loadable.
     */
    private static UserPrincipal currentUser(Path dir) throws IOException {
        try {
            return dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return Files.getOwner(Path.of("/proc/self"));
        }
    }

    /** {@code user.name} as a file name: letters, digits, {@code . - _}, anything else {@code _}. */
    static String userPart(String userName) {
        StringBuilder user = new StringBuilder();
        for (char c : (userName == null || userName.isEmpty() ? "unknown" : userName).toCharArray()) {
            user.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        return user.toString();
    }
}
