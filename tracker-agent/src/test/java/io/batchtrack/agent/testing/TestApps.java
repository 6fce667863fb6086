package io.batchtrack.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The small applications the forked tests run, compiled here from {@code src/test/apps/NAME} with
 * plain javac (no weaving of any kind) against the tracker-api jar, for a chosen {@code --release},
 * and packed as jars. Each (app, release) is built once per test JVM.
 */
public final class TestApps {
    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    private TestApps() {}

    public static Path agentJar() {
        return existing("batchtrack.test.agent-jar");
    }

    public static Path apiJar() {
        return existing("batchtrack.test.api-jar");
    }

    /**
     * A library the test applications bring on their own class path (copied by the build into
     * {@code target/test-app-libs}): {@code appLibrary("postgresql", "batchtrack.test.postgresql-version")}.
     */
    public static Path appLibrary(String artifactId, String versionProperty) {
        String version = System.getProperty(versionProperty);
        if (version == null) {
            throw new IllegalStateException("system property " + versionProperty + " is not set: run the agent tests"
                    + " with Maven (mvn verify)");
        }
        Path jar = Path.of(System.getProperty("batchtrack.test.app-libs", "target/test-app-libs"))
                .resolve(artifactId + "-" + version + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist; the build copies it in pre-integration-test");
        }
        return jar;
    }

    public static Path work() {
        return Path.of(System.getProperty("batchtrack.test.work", "target/agent-it"));
    }

    /** The app's jar, compiled for {@code release}, against the api jar and {@code classpath}. */
    public static synchronized Path jar(String app, int release, Path... classpath) {
        return BUILT.computeIfAbsent(app + "-r" + release, key -> build(app, release, List.of(classpath), key));
    }

    /** A copy of {@code appJar} with every class of the api jar inside: an application that bundles its own api. */
    public static synchronized Path withBundledApi(Path appJar) {
        return BUILT.computeIfAbsent(appJar + "+api", key -> {
            Path fat = appJar.resolveSibling(appJar.getFileName().toString().replace(".jar", "-with-api.jar"));
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(fat))) {
                Set<String> seen = new HashSet<>();
                copyEntries(appJar, out, seen);
                copyEntries(apiJar(), out, seen);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return fat;
        });
    }

    /**
     * A copy of {@code appJar} with every class of the api jar inside and the api's Maven descriptor
     * saying {@code version}: an application that bundles its own api of that version (as shade does).
     */
    public static synchronized Path withBundledApi(Path appJar, String version) {
        return BUILT.computeIfAbsent(appJar + "+api-" + version, key -> {
            Path fat = appJar.resolveSibling(appJar.getFileName().toString().replace(".jar", "-with-api-" + version
                    + ".jar"));
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(fat))) {
                Set<String> seen = new HashSet<>();
                copyEntries(appJar, out, seen);
                copyEntries(apiJar(), out, seen);
                out.putNextEntry(new JarEntry("META-INF/maven/io.batchtrack/tracker-api/pom.properties"));
                out.write(("groupId=io.batchtrack\nartifactId=tracker-api\nversion=" + version + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return fat;
        });
    }

    /** The version in the api jar's Maven descriptor: the version of the api the agent brings. */
    public static String apiVersion() {
        try (JarFile jar = new JarFile(apiJar().toFile())) {
            java.util.Properties p = new java.util.Properties();
            try (InputStream in = jar.getInputStream(jar.getJarEntry(
                    "META-INF/maven/io.batchtrack/tracker-api/pom.properties"))) {
                p.load(in);
            }
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path build(String app, int release, List<Path> classpath, String key) {
        Path sources = Path.of(System.getProperty("batchtrack.test.app-sources", "src/test/apps")).resolve(app);
        Path dir = work().resolve("apps").resolve(key);
        Path classes = dir.resolve("classes");
        try {
            deleteRecursively(dir);
            Files.createDirectories(classes);
            List<String> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted()
                        .collect(Collectors.toList());
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("no sources in " + sources);
            }
            List<String> cp = new ArrayList<>();
            cp.add(apiJar().toString());
            classpath.forEach(p -> cp.add(p.toString()));
            List<String> options = List.of("--release", Integer.toString(release), "-nowarn",
                    "-Xlint:-options", "-encoding", "UTF-8", "-d", classes.toString(), "-cp",
                    String.join(java.io.File.pathSeparator, cp));
            compile(release, options, files, dir);
            copyResources(sources, classes);
            Path jar = dir.resolve(app + ".jar");
            jar(classes, jar);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In this JVM when its javac knows the release; else with the javac of a newer configured JDK. */
    private static void compile(int release, List<String> options, List<String> files, Path dir)
            throws IOException {
        if (release <= Runtime.version().feature()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            java.io.StringWriter errors = new java.io.StringWriter();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
                boolean ok = javac.getTask(errors, fm, null, options, null,
                        fm.getJavaFileObjectsFromStrings(files)).call();
                if (!ok) {
                    throw new IllegalStateException("javac failed:\n" + errors);
                }
            }
            return;
        }
        List<String> args = new ArrayList<>(options);
        args.addAll(files);
        Jdk jdk = Jdk.all().stream().filter(j -> j.feature() >= release).findFirst()
                .orElseThrow(() -> new IllegalStateException("no JDK here compiles --release " + release));
        List<String> command = new ArrayList<>();
        command.add(jdk.javac());
        command.addAll(args);
        Path log = dir.resolve("javac.log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("javac " + jdk + " failed:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyResources(Path sources, Path classes) throws IOException {
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".java"))
                    .collect(Collectors.toList())) {
                Path target = classes.resolve(sources.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }

    /** Packs a directory of class files (and resources) into a jar. */
    public static void jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    private static void copyEntries(Path jar, JarOutputStream out, Set<String> seen) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.isDirectory() || e.getName().startsWith("META-INF/") || !seen.add(e.getName())) {
                    continue;
                }
                out.putNextEntry(new JarEntry(e.getName()));
                try (InputStream is = in.getInputStream(e)) {
                    is.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the agent tests"
                    + " with Maven (mvn verify), which builds the agent jar first");
        }
        Path p = Path.of(value);
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " does not exist (system property " + property + ")");
        }
        return p;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    /** Writes {@code bytes} as a class file under {@code root}. */
    public static void writeClass(Path root, String binaryName, byte[] bytes) throws IOException {
        Path file = root.resolve(binaryName.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}
