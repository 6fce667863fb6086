package io.batchtrack.agent.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import io.batchtrack.internal.PrivateDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Woven class files on disk, one file per key, so that a start whose classes were woven before needs
 * no Byte Buddy. The cache must never become a way to put code into someone's JVM, so:
 * <ul>
 *   <li>the directory is the current user's, and neither its group nor others may write to it
 *       (created {@code 0700}; a symbolic link is refused too), else the cache is not used at all;</li>
 *   <li>each entry carries an HMAC-SHA256, over everything before it, under a random key kept in the
 *       directory in an owner-only ({@code 0600}) file; an entry that fails it (corrupt, truncated, written
 *       without the key, or filed under another key) is ignored and the class is woven again;</li>
 *   <li>entries are written to a temporary file and renamed into place, so a reader never sees half one
 *       (the key is linked into place instead, so that JVMs starting together agree on one).</li>
 * </ul>
 * An entry: {@code "BTWC"}, format, the key (32 bytes), the weaver's warnings, the woven bytes (length
 * -1 for a class left as it is), then the MAC.
 */
final class WeaveCache {
    static final String KEY_FILE = "hmac.key";
    static final String SUFFIX = ".woven";

    private static final int MAGIC = 0x42545743;
    private static final int FORMAT = 1;
    private static final int MAX_ENTRY = 64 << 20;

    private final Path dir;
    private final byte[] secret;

    private WeaveCache(Path dir, byte[] secret) {
        this.dir = dir;
        this.secret = secret;
    }

    /**
     * Opens the cache in {@code dir}, creating the directory ({@code 0700}) and its key if missing.
     *
     * @throws IOException with a message for the log when the directory cannot be used, or must not be
     */
    static WeaveCache open(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (!PrivateDirectory.supported(abs)) {
            throw new IOException("the file system of " + abs + " has no owner-only permissions");
        }
        UserPrincipal me = PrivateFiles.currentUser(abs);
        PrivateDirectory.open(abs, me, "cache.dir");
        return new WeaveCache(abs, secret(abs, me));
    }

    Path directory() {
        return dir;
    }

    /** The file that holds the entry for {@code key}. */
    Path file(byte[] key) {
        return dir.resolve(Sha256.hex(key) + SUFFIX);
    }

    /**
     * The stored outcome for {@code key}, or null when there is none. The MAC is checked before anything
     * else is read, so nothing of an entry that fails it is used (the directory's checks in {@link #open}
     * are not relied on for that: a directory swapped after them still holds no entry under our key).
     *
     * @throws InvalidEntry naming what is wrong with a stored entry
     */
    ClassWeaver.Result get(byte[] key) throws IOException {
        byte[] data;
        try {
            data = PrivateFiles.read(file(key), MAX_ENTRY);
        } catch (NoSuchFileException e) {
            return null;
        }
        int body = data.length - Sha256.LENGTH;
        if (body < 16) {
            throw new InvalidEntry("it is truncated (" + data.length + " bytes)");
        }
        byte[] mac = Arrays.copyOfRange(data, body, data.length);
        if (!Sha256.equal(mac, Sha256.hmac(secret, Arrays.copyOf(data, body)))) {
            throw new InvalidEntry("its MAC does not match (corrupt, or not written by this cache)");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 0, body));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new InvalidEntry("it has an unknown format");
        }
        byte[] storedKey = new byte[Sha256.LENGTH];
        in.readFully(storedKey);
        if (!Sha256.equal(storedKey, key)) {
            throw new InvalidEntry("it holds the entry of another class file");
        }
        int count = in.readInt();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            warnings.add(in.readUTF());
        }
        int length = in.readInt();
        byte[] woven = null;
        if (length >= 0) {
            woven = new byte[length];
            in.readFully(woven);
        }
        if (in.available() != 0) {
            throw new InvalidEntry("it has bytes after its end");
        }
        return new ClassWeaver.Result(woven, warnings);
    }

    /** Stores {@code result} under {@code key}, replacing any entry atomically. */
    void put(byte[] key, ClassWeaver.Result result) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.write(key);
        out.writeInt(result.warnings().size());
        for (String w : result.warnings()) {
            out.writeUTF(w.length() > 8000 ? w.substring(0, 8000) : w);
        }
        byte[] woven = result.bytes();
        out.writeInt(woven == null ? -1 : woven.length);
        if (woven != null) {
            out.write(woven);
        }
        byte[] body = buffer.toByteArray();
        out.write(Sha256.hmac(secret, body));
        PrivateFiles.writeAtomically(file(key), buffer.toByteArray(), true);
    }

    /** A stored entry that is not used. */
    static final class InvalidEntry extends IOException {
        private static final long serialVersionUID = 1L;

        InvalidEntry(String message) {
            super(message);
        }
    }

    /** The directory's MAC key, made on first use; refused unless only its owner, this user, can read it. */
    private static byte[] secret(Path dir, UserPrincipal me) throws IOException {
        Path file = dir.resolve(KEY_FILE);
        for (int attempt = 0; attempt < 2; attempt++) {
            PosixFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                // never over another JVM's new key: its entries would fail their check at the next start
                PrivateFiles.writeAtomically(file, PrivateFiles.randomBytes(), false);
                continue;
            }
            if (!attributes.isRegularFile() || !attributes.owner().equals(me)
                    || !PrivateFiles.OWNER_RW.containsAll(attributes.permissions())) {
                throw new IOException(file + " is not a regular file that only " + me.getName() + " can read and write");
            }
            byte[] key = PrivateFiles.read(file, 4 * Sha256.LENGTH);
            if (key.length == Sha256.LENGTH) {
                return key;
            }
            // a torn key file makes every entry unreadable; a new key starts the cache afresh
            PrivateFiles.writeAtomically(file, PrivateFiles.randomBytes(), true);
        }
        throw new IOException("cannot make a key in " + file);
    }
}
