package io.batchtrack.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The tracker-api jar nested in the agent jar. Appended to the bootstrap class path, its classes are
 * one copy seen by every class loader that delegates to its parents: the application class loader,
 * child {@code URLClassLoader}s (plugins, containers), loaders with a null parent, and an application
 * jar that bundles its own copy of the api (parent-first delegation finds the bootstrap copy first).
 * So {@code Tracker.current()} in application code and the woven advice share one thread-local.
 *
 * <p>JDK types only: this runs before any api class can be loaded.
 */
public final class ApiJar {
    /** Where the build puts the api jar inside the agent jar. */
    public static final String ENTRY = "META-INF/batchtrack/tracker-api.jar";
    /** The Maven descriptor that a tracker-api jar, or a jar that bundles one, carries. */
    static final String DESCRIPTOR = "META-INF/maven/io.batchtrack/tracker-api/pom.properties";

    private static volatile Path appended;
    private static volatile String appendedVersion;

    private ApiJar() {}

    /** Extracts the api jar and appends it to the bootstrap class path. */
    public static void appendToBootstrap(Instrumentation instrumentation) throws IOException {
        Path api = extract();
        try (JarFile jar = new JarFile(api.toFile())) {
            instrumentation.appendToBootstrapClassLoaderSearch(jar);
            appendedVersion = versionOf(jar);
        }
        appended = api;
    }

    /**
     * The api jar on the bootstrap class path, or null. The weaver reads api class files from it:
     * {@code ClassLoader.getResource} does not see jars appended to the bootstrap class path at run time.
     */
    public static Path appended() {
        return appended;
    }

    /**
     * The version of the api jar on the bootstrap class path (from its Maven descriptor), or null when
     * none is appended or it does not say.
     */
    public static String appendedVersion() {
        return appendedVersion;
    }

    /**
     * The nested api jar as a file: the copy kept across starts ({@link KeptApiJar}) where one can be
     * kept safely, else a new owner-only temporary file for this process ({@link ProcessApiJar}).
     * Either way nothing another user wrote can end up on the bootstrap class path.
     */
    public static Path extract() throws IOException {
        Path agentJar = agentJar();
        try (JarFile agent = new JarFile(agentJar.toFile(), false)) {
            JarEntry entry = agent.getJarEntry(ENTRY);
            if (entry == null) {
                throw new IOException(agentJar + " has no " + ENTRY + "; it is not a complete agent jar");
            }
            Path dir = Path.of(System.getProperty("java.io.tmpdir"));
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            Path kept = posix ? KeptApiJar.of(agent, entry, dir) : null;
            return kept != null ? kept : ProcessApiJar.extract(agent, entry, dir, posix);
        }
    }

    /** The {@code version} of the api's Maven descriptor in {@code jar}, or null. */
    static String versionOf(JarFile jar) throws IOException {
        JarEntry pom = jar.getJarEntry(DESCRIPTOR);
        if (pom == null) {
            return null;
        }
        try (InputStream in = jar.getInputStream(pom)) {
            return version(in);
        }
    }

    /** The {@code version} of a Maven descriptor ({@code pom.properties}), or null. */
    static String version(InputStream descriptor) throws IOException {
        Properties p = new Properties();
        p.load(descriptor);
        String v = p.getProperty("version");
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The jar this class was loaded from. */
    static Path agentJar() throws IOException {
        CodeSource source = ApiJar.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IOException("cannot tell which jar the agent was loaded from");
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(path)) {
                throw new IOException(path + " is not a jar: run the agent from the built tracker-agent jar");
            }
            return path;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot locate the agent jar " + source.getLocation(), e);
        }
    }
}
