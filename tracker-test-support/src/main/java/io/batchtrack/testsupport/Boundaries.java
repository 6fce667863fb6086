package io.batchtrack.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/**
 * The build's check that {@code internal} packages are used only by the modules that must use them
 * (the rules and their reasons: {@code boundaries.properties} beside this class).
 *
 * <p>Each published module's test suite calls {@link #check} on its own compiled classes. The
 * JDK's {@code jdeps} reads the class files, so every compiled reference counts (imports, fully
 * qualified names, inlined advice), not only what a source scan would see. A module-info per module
 * would say the same to the compiler, but the agent's classes live on the bootstrap and system class
 * paths (unnamed modules) and its jar relocates what it bundles, so the rule is checked here instead.
 */
public final class Boundaries {
    private static final Pattern DEPENDENCY = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+(.+)$");

    private Boundaries() {}

    /** Fails, listing each offending use, when {@code module}'s classes use an internal package it may not. */
    public static void check(String module, Path classes) {
        List<String> violations = violations(module, classes);
        if (!violations.isEmpty()) {
            throw new AssertionError(module + " uses internal packages it may not (rules: "
                    + "tracker-test-support's boundaries.properties):\n  " + String.join("\n  ", violations));
        }
    }

    /** Each use, as "from -> to", of another module's internal package that the rules do not allow. */
    public static List<String> violations(String module, Path classes) {
        if (!Files.isDirectory(classes)) {
            throw new IllegalArgumentException("no compiled classes at " + classes.toAbsolutePath()
                    + ": compile " + module + " first");
        }
        Properties rules = rules();
        List<String> violations = new ArrayList<>();
        for (String[] use : foreignPackagesUsed(classes)) {
            String target = use[1];
            if (!isInternal(target)) {
                continue;
            }
            String allowed = rules.getProperty(target);
            if (allowed == null) {
                violations.add(use[0] + " -> " + target + " (an internal package boundaries.properties does not list)");
            } else if (!Set.of(allowed.trim().split("\\s+")).contains(module)) {
                violations.add(use[0] + " -> " + target);
            }
        }
        return violations;
    }

    private static boolean isInternal(String packageName) {
        return packageName.startsWith("io.batchtrack.")
                && Arrays.asList(packageName.split("\\.")).contains("internal");
    }

    /** Pairs (from package, to package) where "to" lies outside {@code classes} (jdeps says "not found"). */
    private static Set<String[]> foreignPackagesUsed(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jdeps (module jdk.jdeps)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err),
                "-verbose:package", "-filter:none", classes.toString());
        if (status != 0) {
            throw new IllegalStateException("jdeps failed (" + status + "): " + err);
        }
        Set<String[]> uses = new TreeSet<>((a, b) -> (a[0] + a[1]).compareTo(b[0] + b[1]));
        for (String line : out.toString().split("\\R")) {
            Matcher m = DEPENDENCY.matcher(line);
            // "classes" (or the directory's name) means the target is in the module's own output
            if (m.matches() && !m.group(3).trim().equals(classes.getFileName().toString())) {
                uses.add(new String[] {m.group(1), m.group(2)});
            }
        }
        return uses;
    }

    private static Properties rules() {
        Properties rules = new Properties();
        try (InputStream in = Boundaries.class.getResourceAsStream("boundaries.properties")) {
            if (in == null) {
                throw new IllegalStateException("boundaries.properties is missing beside " + Boundaries.class.getName());
            }
            rules.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }
}
