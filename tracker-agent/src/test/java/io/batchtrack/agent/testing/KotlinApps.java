package io.batchtrack.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Kotlin test applications (src/test/kotlin-apps): kotlinc cannot run per test like javac in
 * {@link TestApps}, so kotlin-maven-plugin compiles them in the build into test-classes; this packs
 * one package of them as a jar, and names the Kotlin libraries they run with.
 */
public final class KotlinApps {
    private static final Map<String, Path> BUILT = new HashMap<>();

    private KotlinApps() {}

    /** The classes of {@code app/NAME} in test-classes, as a jar of their own. */
    public static synchronized Path jar(String name) {
        return BUILT.computeIfAbsent(name, KotlinApps::pack);
    }

    private static Path pack(String name) {
        Path classes = Path.of(System.getProperty("batchtrack.test.classes", "target/test-classes"));
        Path dir = classes.resolve("app").resolve(name);
        Path jar = TestApps.work().resolve("kotlin-" + name + ".jar");
        try {
            Files.createDirectories(jar.getParent());
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
            }
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                for (Path f : files) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + dir + " (compiled by kotlin-maven-plugin)", e);
        }
        return jar;
    }

    /** kotlin-stdlib and kotlinx-coroutines-core, as the build copied them. */
    public static Path[] libraries() {
        return new Path[] {TestApps.appLibrary("kotlin-stdlib", "batchtrack.test.kotlin-version"),
            TestApps.appLibrary("kotlinx-coroutines-core-jvm", "batchtrack.test.kotlinx-coroutines-version")};
    }

    /** kotlin-stdlib alone: suspend functions without kotlinx-coroutines. */
    public static Path stdlib() {
        return TestApps.appLibrary("kotlin-stdlib", "batchtrack.test.kotlin-version");
    }
}
