package io.batchtrack.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.config.TrackerConfig;
import java.nio.file.Path;
import java.util.Map;
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

    @Test
    void theCacheIsOnUnlessSwitchedOff() {
        assertThat(Weavers.of(TrackerConfig.of(Map.of()))).isInstanceOf(CachingWeaver.class);
        assertThat(Weavers.of(TrackerConfig.of(Map.of("cache.dir", tmp.toString()))))
                .isInstanceOf(CachingWeaver.class);
        assertThat(Weavers.of(TrackerConfig.of(Map.of("cache.enabled", "false"))))
                .isNotInstanceOf(CachingWeaver.class);
    }

    @Test
    void aBadSwitchMeansNoCacheButStillWeaving() {
        ClassWeaver weaver = Weavers.of(TrackerConfig.of(Map.of("cache.enabled", "sometimes")));

        assertThat(weaver).isNotNull().isNotInstanceOf(CachingWeaver.class);
    }
}
