package io.batchtrack.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeaversTest {
    @TempDir
    Path tmp;

    @Test
    void theCacheLivesInTheXdgCacheDirectoryWhenOneIsSet() {
        assertThat(Weavers.defaultDirectory("/var/cache/u", tmp.toString(), "/tmp", "u"))
                .isEqualTo(Path.of("/var/cache/u/batchtrack"));
    }

    @Test
    void elseInTheHomeDirectory() {
        assertThat(Weavers.defaultDirectory(null, tmp.toString(), "/tmp", "u"))
                .isEqualTo(tmp.resolve(".cache/batchtrack"));
        assertThat(Weavers.defaultDirectory("relative/dir", tmp.toString(), "/tmp", "u"))
                .isEqualTo(tmp.resolve(".cache/batchtrack"));
    }

    @Test
    void elseInTheTemporaryDirectoryUnderTheUsersName() {
        assertThat(Weavers.defaultDirectory(null, "/nonexistent/home", "/tmp", "batch-user"))
                .isEqualTo(Path.of("/tmp/batchtrack-batch-user"));
        assertThat(Weavers.defaultDirectory(null, "?", "/tmp", "../x y"))
                .isEqualTo(Path.of("/tmp/batchtrack-.._x_y"));
    }
}
