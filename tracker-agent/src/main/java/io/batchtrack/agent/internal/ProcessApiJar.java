package io.batchtrack.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The api jar extracted for this process only, where no copy can be kept safely across starts
 * ({@link KeptApiJar}): a new owner-only file in the temporary directory, deleted when the JVM exits.
 * A class of its own so that a start that finds its kept copy loads none of the types used here.
 *
 * <p>JDK types only: this runs before any api class can be loaded.
 */
final class ProcessApiJar {
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private static final Set<StandardOpenOption> CREATE_NEW_WRITE = EnumSet.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);

    private ProcessApiJar() {}

    /**
     * Copies {@code entry} to a new file in {@code dir}. The file is created owner-only and written
     * through that same handle, never replaced: a copy that replaced it would be re-created with the
     * umask's permissions, readable (and, with a loose umask, writable) by others in the shared
     * temporary directory until the JVM exits. Not Files.createTempFile: its random name costs
     * SecureRandom and the security providers, tens of milliseconds at startup; CREATE_NEW refuses an
     * existing file or link, so the name need not be unguessable.
     */
    static Path extract(JarFile agent, JarEntry entry, Path dir, boolean posix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path target = dir.resolve("batchtrack-api-" + Long.toHexString(System.nanoTime()) + ".jar");
            OutputStream out;
            try {
                out = Channels.newOutputStream(posix
                        ? Files.newByteChannel(target, CREATE_NEW_WRITE, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                        : Files.newByteChannel(target, CREATE_NEW_WRITE));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
                continue;
            }
            target.toFile().deleteOnExit();
            try (OutputStream o = out; InputStream in = agent.getInputStream(entry)) {
                in.transferTo(o);
            }
            return target;
        }
    }
}
