package io.batchtrack.conformance;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The jars the build laid out for the forked programs (see this module's pom): the scenario program
 * unwoven and ajc-woven, the front doors, and the class path of the jdbc store.
 */
final class Layout {
    private Layout() {}

    static Path dir() {
        String dir = System.getProperty("batchtrack.conformance.dir");
        if (dir == null) {
            throw new IllegalStateException("system property batchtrack.conformance.dir is not set: run the"
                    + " conformance suite with Maven (mvn verify), which lays out the jars first");
        }
        return Path.of(dir);
    }

    /** Where each forked run keeps its command and output. */
    static Path work() {
        return Path.of(System.getProperty("batchtrack.conformance.work", "target/conformance-runs"));
    }

    static Path jar(String name) {
        Path p = dir().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " does not exist: run the suite with Maven (mvn verify)");
        }
        return p;
    }

    static Path scenarios() {
        return jar("scenarios.jar");
    }

    static Path scenariosWoven() {
        return jar("scenarios-ctw.jar");
    }

    static Path agent() {
        return jar("tracker-agent.jar");
    }

    static Path aspect() {
        return jar("tracker-aspectj.jar");
    }

    static Path aspectForLoadTimeWeaving() {
        return jar("tracker-aspectj-ltw.jar");
    }

    static Path aspectjrt() {
        return jar("aspectjrt.jar");
    }

    static Path aspectjweaver() {
        return jar("aspectjweaver.jar");
    }

    /** tracker-api, tracker-jdbi and what the store needs at run time. */
    static List<Path> store() {
        try {
            String cp = Files.readString(jar("store.classpath")).trim();
            return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code jar} contains {@code entry}. */
    static boolean contains(Path jar, String entry) {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getEntry(entry) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
