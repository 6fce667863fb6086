package io.batchtrack.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeaveCacheTest {
    private static final byte[] KEY = Sha256.of(new byte[] {1});
    private static final ClassWeaver.Result WOVEN = new ClassWeaver.Result(new byte[] {(byte) 0xCA, (byte) 0xFE, 7, 8},
            List.of("@TrackedBatch on a.B.<init>() is ignored: constructors are not woven"));

    @TempDir
    Path tmp;

    @Test
    void aNewCacheDirectoryAndItsKeyAreTheOwnersOnly() throws IOException {
        Path dir = tmp.resolve("a/b/cache");

        WeaveCache.open(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Path key = dir.resolve(WeaveCache.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.size(key)).isEqualTo(32);
    }

    @Test
    void anEntryComesBackAsStoredWithItsWarnings() throws IOException {
        WeaveCache cache = WeaveCache.open(tmp.resolve("c"));

        cache.put(KEY, WOVEN);
        ClassWeaver.Result read = WeaveCache.open(tmp.resolve("c")).get(KEY);

        assertThat(read.bytes()).isEqualTo(WOVEN.bytes());
        assertThat(read.warnings()).isEqualTo(WOVEN.warnings());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.file(KEY))))
                .isEqualTo("rw-------");
    }

    @Test
    void aClassLeftAsItIsIsStoredToo() throws IOException {
        WeaveCache cache = WeaveCache.open(tmp.resolve("c"));

        cache.put(KEY, ClassWeaver.Result.UNCHANGED);

        assertThat(cache.get(KEY).bytes()).isNull();
        assertThat(cache.get(KEY).warnings()).isEmpty();
    }

    @Test
    void aMissingEntryIsNoEntry() throws IOException {
        assertThat(WeaveCache.open(tmp.resolve("c")).get(KEY)).isNull();
    }

    @Test
    void anEntryWithAnyByteFlippedIsRefused() throws IOException {
        WeaveCache cache = WeaveCache.open(tmp.resolve("c"));
        cache.put(KEY, WOVEN);
        byte[] good = Files.readAllBytes(cache.file(KEY));

        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            Files.write(cache.file(KEY), bad);
            assertThatThrownBy(() -> cache.get(KEY)).as("byte %d flipped", i)
                    .isInstanceOf(WeaveCache.InvalidEntry.class);
        }
    }

    @Test
    void aTruncatedEntryIsRefused() throws IOException {
        WeaveCache cache = WeaveCache.open(tmp.resolve("c"));
        cache.put(KEY, WOVEN);
        byte[] good = Files.readAllBytes(cache.file(KEY));

        for (int length : new int[] {0, 1, 20, good.length - 1}) {
            Files.write(cache.file(KEY), java.util.Arrays.copyOf(good, length));
            assertThatThrownBy(() -> cache.get(KEY)).as("%d bytes", length)
                    .isInstanceOf(WeaveCache.InvalidEntry.class);
        }
    }

    @Test
    void anEntryWrittenUnderAnotherCachesKeyIsRefused() throws IOException {
        WeaveCache foreign = WeaveCache.open(tmp.resolve("foreign"));
        foreign.put(KEY, WOVEN);
        WeaveCache cache = WeaveCache.open(tmp.resolve("c"));
        Files.copy(foreign.file(KEY), cache.file(KEY));

        assertThatThrownBy(() -> cache.get(KEY)).isInstanceOf(WeaveCache.InvalidEntry.class)
                .hasMessageContaining("MAC");
    }

    @Test
    void anEntryFiledUnderAnotherClassFilesKeyIsRefused() throws IOException {
        WeaveCache cache = WeaveCache.open(tmp.resolve("c"));
        byte[] other = Sha256.of(new byte[] {2});
        cache.put(other, WOVEN);
        Files.copy(cache.file(other), cache.file(KEY));

        assertThatThrownBy(() -> cache.get(KEY)).isInstanceOf(WeaveCache.InvalidEntry.class)
                .hasMessageContaining("another class file");
    }

    @Test
    void aGroupWritableDirectoryIsRefused() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwx---"));

        assertThatThrownBy(() -> WeaveCache.open(dir)).hasMessageContaining("is writable by its group");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aDirectoryWritableByOthersIsRefused() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx---rwx"));

        assertThatThrownBy(() -> WeaveCache.open(dir)).hasMessageContaining("is writable by others");
    }

    @Test
    void aSymbolicLinkIsRefusedEvenToAnOwnerOnlyDirectory() throws IOException {
        Path real = tmp.resolve("real");
        WeaveCache.open(real);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);

        assertThatThrownBy(() -> WeaveCache.open(link)).hasMessageContaining("is a symbolic link");
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("theirs"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        try {
            Files.setOwner(dir, nobody);
        } catch (IOException e) {
            assumeTrue(false, "only root can give a directory away: " + e);
        }

        assertThatThrownBy(() -> WeaveCache.open(dir)).hasMessageContaining("belongs to nobody");
    }

    @Test
    void aKeyFileThatOthersCanReadIsRefused() throws IOException {
        Path dir = tmp.resolve("c");
        WeaveCache.open(dir);
        Files.setPosixFilePermissions(dir.resolve(WeaveCache.KEY_FILE), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> WeaveCache.open(dir)).hasMessageContaining(WeaveCache.KEY_FILE);
    }

    @Test
    void aTornKeyFileIsReplacedAndOldEntriesNoLongerPass() throws IOException {
        Path dir = tmp.resolve("c");
        WeaveCache.open(dir).put(KEY, WOVEN);
        Files.write(dir.resolve(WeaveCache.KEY_FILE), new byte[5]);

        WeaveCache reopened = WeaveCache.open(dir);

        assertThat(Files.size(dir.resolve(WeaveCache.KEY_FILE))).isEqualTo(32);
        assertThatThrownBy(() -> reopened.get(KEY)).isInstanceOf(WeaveCache.InvalidEntry.class);
    }

    @Test
    void cachesOpenedAtOnceOnANewDirectoryAgreeOnOneKey() throws Exception {
        Path dir = tmp.resolve("c");
        int starts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(starts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<WeaveCache>> opened = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            opened.add(pool.submit(() -> {
                go.await();
                return WeaveCache.open(dir);
            }));
        }
        go.countDown();
        WeaveCache first = opened.get(0).get();
        first.put(KEY, WOVEN);
        for (Future<WeaveCache> other : opened) {
            assertThat(other.get().get(KEY).bytes()).isEqualTo(WOVEN.bytes());
        }
        pool.shutdown();
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws IOException {
        Path dir = tmp.resolve("c");
        WeaveCache cache = WeaveCache.open(dir);
        cache.put(KEY, WOVEN);
        cache.put(KEY, ClassWeaver.Result.UNCHANGED);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(WeaveCache.KEY_FILE, Sha256.hex(KEY) + WeaveCache.SUFFIX);
        }
        assertThat(cache.get(KEY).bytes()).isNull();
    }
}
