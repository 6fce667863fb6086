package io.batchtrack.agent.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test application woven by AspectJ's load-time weaver instead of the agent: {@code
 * -javaagent:aspectjweaver.jar}, the aspect's ltw jar (its {@code META-INF/aop.xml}), tracker-api and
 * the jdbc store on the class path, configured with {@code -Dbatchtrack.*} as README says. The build
 * copies the jars to test-app-libs and writes the store's class path there.
 */
public final class LoadTimeWeaving {
    private LoadTimeWeaving() {}

    /** {@code mainClass} over {@code classpath} plus the aspect and the store, under the weaver, recording in {@code db}. */
    public static Forked app(Jdk jdk, Database db, String mainClass, Path... classpath) {
        List<Path> cp = new ArrayList<>(List.of(classpath));
        cp.add(libs().resolve("tracker-aspectj-ltw.jar"));
        cp.addAll(store());
        Forked app = Forked.app(jdk, mainClass, cp.toArray(Path[]::new))
                .jvmOption("-javaagent:" + TestApps.appLibrary("aspectjweaver", "batchtrack.test.aspectj-version"))
                .sysprop("batchtrack.jdbc.url", db.database().jdbcUrl())
                .sysprop("batchtrack.jdbc.user", db.database().user())
                .sysprop("batchtrack.schema", db.schema());
        return db.password(app);
    }

    private static Path libs() {
        return Path.of(System.getProperty("batchtrack.test.app-libs", "target/test-app-libs"));
    }

    private static List<Path> store() {
        Path file = libs().resolve("store.classpath");
        try {
            return Arrays.stream(Files.readString(file).trim().split(File.pathSeparator))
                    .filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(file + " (written by the build in pre-integration-test)", e);
        }
    }
}
