package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A global engine that cannot be built as configured (here: a stale {@code META-INF/services} entry
 * for {@code RunStoreProvider}, which makes {@code ServiceLoader} throw
 * {@code ServiceConfigurationError}) is built once, logged once, and every tracked call runs its body
 * and returns its value. In a JVM of its own: the global engine is built once per process.
 */
class GlobalEngineFailureTest {
    @TempDir
    Path dir;

    @Test
    void a_stale_store_provider_entry_is_logged_once_and_every_call_returns_its_value() throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("io.batchtrack.spi.RunStoreProvider"), "com.example.RemovedStoreProvider\n");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path") + File.pathSeparator + dir,
                "-Dbatchtrack.spool.dir=none", StaleStoreProviderMain.class.getName())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the program ended").isTrue();

        List<String> printed = Files.readAllLines(out, StandardCharsets.UTF_8);
        String log = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(printed).as(log).containsExactly("call 1 returned 10", "call 2 returned 20", "call 3 returned 30");
        assertThat(log.split("ServiceConfigurationError", -1)).as("logged once, not once per call: " + log).hasSize(2);
        assertThat(p.exitValue()).isZero();
    }
}
