package io.batchtrack.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingWeaverTest {
    private static final byte[] IDENTITY = Sha256.of(new byte[] {42});
    private static final byte[] CLASS = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 1};

    @TempDir
    Path tmp;

    /** Weaves by appending a byte, and counts its calls. */
    private final CountingWeaver weaver = new CountingWeaver();

    @Test
    void aClassWovenOnceComesFromTheCacheAfterwardsWithoutTheWeaver() {
        Path dir = tmp.resolve("cache");
        ClassWeaver.Result first = new CachingWeaver(dir, IDENTITY, weaver).weave(null, "a/Job", CLASS);

        ClassWeaver.Result second = new CachingWeaver(dir, IDENTITY, weaver).weave(null, "a/Job", CLASS);

        assertThat(weaver.calls).containsExactly("a/Job");
        assertThat(second.bytes()).isEqualTo(first.bytes()).isEqualTo(woven(CLASS));
        assertThat(second.warnings()).containsExactly("a warning about a/Job");
    }

    @Test
    void anotherAgentBuildDoesNotTakeTheEntry() {
        Path dir = tmp.resolve("cache");
        new CachingWeaver(dir, IDENTITY, weaver).weave(null, "a/Job", CLASS);

        new CachingWeaver(dir, Sha256.of(new byte[] {43}), weaver).weave(null, "a/Job", CLASS);

        assertThat(weaver.calls).hasSize(2);
    }

    @Test
    void changedClassBytesAreWovenAgain() {
        Path dir = tmp.resolve("cache");
        new CachingWeaver(dir, IDENTITY, weaver).weave(null, "a/Job", CLASS);
        byte[] changed = CLASS.clone();
        changed[4] = 2;

        ClassWeaver.Result result = new CachingWeaver(dir, IDENTITY, weaver).weave(null, "a/Job", changed);

        assertThat(weaver.calls).hasSize(2);
        assertThat(result.bytes()).isEqualTo(woven(changed));
    }

    @Test
    void aTamperedEntryIsWovenAgainAndRestored() throws IOException {
        Path dir = tmp.resolve("cache");
        new CachingWeaver(dir, IDENTITY, weaver).weave(null, "a/Job", CLASS);
        Path entry = entries(dir).get(0);
        byte[] good = Files.readAllBytes(entry);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x40;
        Files.write(entry, bad);

        ClassWeaver.Result result = new CachingWeaver(dir, IDENTITY, weaver).weave(null, "a/Job", CLASS);

        assertThat(weaver.calls).hasSize(2);
        assertThat(result.bytes()).isEqualTo(woven(CLASS));
        assertThat(Files.readAllBytes(entry)).isEqualTo(good);
    }

    @Test
    void anUnusableDirectoryMeansWeavingEveryTimeAndWritingNothing() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x"));
        CachingWeaver caching = new CachingWeaver(dir, IDENTITY, weaver);

        ClassWeaver.Result first = caching.weave(null, "a/Job", CLASS);
        caching.weave(null, "a/Job", CLASS);

        assertThat(weaver.calls).hasSize(2);
        assertThat(first.bytes()).isEqualTo(woven(CLASS));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aWeaverThatThrowsLeavesNoEntry() throws IOException {
        Path dir = tmp.resolve("cache");
        ClassWeaver failing = (loader, name, bytes) -> {
            throw new IllegalStateException("cannot weave");
        };

        try {
            new CachingWeaver(dir, IDENTITY, failing).weave(null, "a/Job", CLASS);
        } catch (IllegalStateException expected) {
            // the transformer logs it and leaves the class as it is
        }

        assertThat(entries(dir)).isEmpty();
    }

    private static byte[] woven(byte[] bytes) {
        byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        out[bytes.length] = 99;
        return out;
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(WeaveCache.SUFFIX)).toList();
        }
    }

    private static final class CountingWeaver implements ClassWeaver {
        final List<String> calls = new ArrayList<>();

        @Override
        public Result weave(ClassLoader loader, String internalName, byte[] bytes) {
            calls.add(internalName);
            return new Result(woven(bytes), List.of("a warning about " + internalName));
        }
    }
}
