package io.batchtrack.agent.internal;

import io.batchtrack.internal.Log;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.jar.JarFile;

/**
 * An application that bundles its own tracker-api (a fat jar, or the api jar on its class path) still
 * runs on the agent's copy: the bootstrap class path comes first for every parent-first loader. When
 * the two versions differ, code compiled against the application's copy may fail much later with a
 * {@code NoSuchMethodError}; so the agent compares the versions when it starts (the system class
 * loader) and when it first weaves a class of another loader, and names both in one WARNING line per
 * bundled copy. A bundled copy is found by the api's Maven descriptor; one without it cannot be told
 * apart and is passed over.
 */
final class BundledApi {
    private static final Map<ClassLoader, Boolean> CHECKED = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Set<String> REPORTED = Collections.synchronizedSet(new HashSet<>());

    private BundledApi() {}

    /** Compares the copies that {@code loader} (and its parents) can see with the agent's, once per loader. */
    static void check(ClassLoader loader) {
        String ours = ApiJar.appendedVersion();
        if (loader == null || ours == null || CHECKED.put(loader, Boolean.TRUE) != null) {
            return;
        }
        try {
            Enumeration<URL> descriptors = loader.getResources(ApiJar.DESCRIPTOR);
            while (descriptors.hasMoreElements()) {
                URL url = descriptors.nextElement();
                String theirs = versionAt(url);
                if (theirs != null && !theirs.equals(ours) && REPORTED.add(url.toString())) {
                    Log.warn(message(theirs, ours, url));
                }
            }
        } catch (IOException | RuntimeException e) {
            Log.debug("batchtrack could not compare the application's tracker-api with its own: " + Log.describe(e));
        }
    }

    /**
     * The version in the descriptor at {@code url}. A descriptor in a jar file is read with {@link JarFile}
     * (sharing the class loader's open copy of the jar), not {@link URL#openStream}: the jar URL
     * handler's connection classes are a dozen classes from outside the CDS archive that the agent's
     * start would load for this alone.
     */
    private static String versionAt(URL url) throws IOException {
        String s = url.toString();
        int bang = s.indexOf("!/");
        if (s.startsWith("jar:file:") && bang > 0 && s.indexOf("!/", bang + 2) < 0
                && s.substring(bang + 2).equals(ApiJar.DESCRIPTOR)) {
            try (JarFile jar = new JarFile(Path.of(URI.create(s.substring(4, bang))).toFile(), false)) {
                return ApiJar.versionOf(jar);
            } catch (IllegalArgumentException notAFile) {
                // a URI that is not a plain file path after all: read it as any other URL
            }
        }
        try (InputStream in = url.openStream()) {
            return ApiJar.version(in);
        }
    }

    static String message(String theirs, String ours, URL where) {
        return "batchtrack: the application bundles tracker-api " + theirs + " (" + location(where)
                + ") but runs on the agent's tracker-api " + ours + ", which every class loader sees first;"
                + " code compiled against " + theirs + " may fail with NoSuchMethodError: build the application"
                + " against tracker-api " + ours + " or use the agent of version " + theirs;
    }

    /** The jar or directory that holds the descriptor. */
    private static String location(URL descriptor) {
        String s = descriptor.toString();
        int bang = s.lastIndexOf("!/");
        if (s.startsWith("jar:") && bang > 0) {
            return s.substring(4, bang);
        }
        return s.endsWith(ApiJar.DESCRIPTOR) ? s.substring(0, s.length() - ApiJar.DESCRIPTOR.length()) : s;
    }
}
