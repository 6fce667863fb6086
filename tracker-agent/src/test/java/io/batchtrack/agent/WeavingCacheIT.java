package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The weaving cache across JVMs: a second start with the same cache takes every woven class from disk
 * without loading Byte Buddy and behaves exactly like the first; a tampered entry is woven again; an
 * unsafe directory is refused; {@code cache.enabled=false} weaves every time. Which classes a JVM loaded
 * comes from {@code -Xlog:class+load} written to a file.
 */
class WeavingCacheIT {
    /** Byte Buddy as relocated in the agent jar (and the application's own, if it had one). */
    private static final String BYTE_BUDDY = "net.bytebuddy.";

    static Iterable<Jdk> jdks() {
        return Jdk.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aSecondStartTakesTheWovenClassesFromTheCacheWithoutLoadingByteBuddy(Jdk jdk) throws IOException {
        Path cache = newCacheDir();

        AppRun first = shapes(jdk, cache);
        AppRun second = shapes(jdk, cache);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(loadedClasses(first)).as("first start weaves").anyMatch(c -> c.contains(BYTE_BUDDY));
        assertThat(loadedClasses(second)).as("second start").noneMatch(c -> c.contains(BYTE_BUDDY));
        assertThat(second.results()).isNotEmpty().containsExactlyElementsOf(first.results());
        assertThat(outcomes(second)).isEqualTo(outcomes(first));
        // what the weaver said about members it cannot weave is said again from the cache
        assertThat(second.stderrLines("WARNING")).isNotEmpty().isEqualTo(first.stderrLines("WARNING"));
        assertThat(entries(cache)).isNotEmpty();
    }

    /**
     * The threads application uses the executors before its first tracked class loads, so they are
     * retransformed, from bytes the JVM reconstitutes; without class-data sharing, HotSpot writes their
     * methods in an order that changes between starts, which must not cost a miss (and an entry) per start.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void retransformedExecutorsWithoutClassDataSharingComeFromTheCacheOnTheNextStart(Jdk jdk) throws IOException {
        Path cache = newCacheDir();
        List<AppRun> runs = new java.util.ArrayList<>();
        List<Integer> sizes = new java.util.ArrayList<>();
        for (int start = 0; start < 3; start++) {
            runs.add(Forked.app(jdk, "app.threads.Main", TestApps.jar("threads", 17))
                    .agent("store=log,cache.dir=" + cache).jvmOption("-Xshare:off").jvmOption(classLog()).run());
            sizes.add(entries(cache).size());
        }

        for (AppRun run : runs) {
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stderr()).as(run.toString()).doesNotContain("cannot propagate").doesNotContain("could not");
            assertThat(run.runsOf("fixed_pool")).as(run.toString()).hasSize(1);
        }
        assertThat(loadedClasses(runs.get(0))).as("first start weaves").anyMatch(c -> c.contains(BYTE_BUDDY));
        for (AppRun run : runs.subList(1, runs.size())) {
            assertThat(loadedClasses(run)).as("a later start, " + run).noneMatch(c -> c.contains(BYTE_BUDDY));
        }
        assertThat(sizes).as("entries after each start").containsOnly(sizes.get(0));
    }

    @Test
    void aTamperedEntryIsIgnoredWovenAgainAndRestored() throws IOException {
        Path cache = newCacheDir();
        AppRun first = simple(cache).run();
        // the tracked class's entry (the others hold the JDK executors that propagation weaves)
        Path entry = entries(cache).stream().filter(e -> new String(readAll(e), StandardCharsets.ISO_8859_1)
                .contains("app/simple/Main")).findFirst().orElseThrow();
        byte[] good = Files.readAllBytes(entry);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x01;
        Files.write(entry, bad);

        AppRun second = simple(cache).run();

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.results()).containsExactlyElementsOf(first.results());
        assertThat(second.run("simple_job")).containsEntry("status", "success");
        assertThat(second.value("track.inside")).isEqualTo(second.run("simple_job").get("batchtrack_run"));
        assertThat(loadedClasses(second)).as("rewoven").anyMatch(c -> c.contains(BYTE_BUDDY));
        assertThat(Files.readAllBytes(entry)).isEqualTo(good);
        assertThat(second.stderr()).doesNotContain("WARNING");
    }

    @Test
    void aGroupWritableCacheDirectoryIsRefusedWithOneLogLineAndTheProgramStillTracked() throws IOException {
        Path cache = Files.createDirectories(newCacheDir());
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxr-x"));

        AppRun run = simple(cache).run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.run("simple_job")).containsEntry("status", "success");
        assertThat(run.stderrLines("WARNING")).as(run.toString()).hasSize(1);
        assertThat(run.stderrLines("batchtrack does not use the weaving cache (" + cache.toAbsolutePath()
                + " is writable by its group")).hasSize(1);
        assertThat(cache).isEmptyDirectory();
    }

    @Test
    void withTheCacheOffEveryStartWeavesAndNothingIsWritten() throws IOException {
        Path cache = newCacheDir();

        AppRun first = simple(cache).sysprop("batchtrack.cache.enabled", "false").run();
        AppRun second = simple(cache).sysprop("batchtrack.cache.enabled", "false").run();

        for (AppRun run : List.of(first, second)) {
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.run("simple_job")).containsEntry("status", "success");
            assertThat(loadedClasses(run)).anyMatch(c -> c.contains(BYTE_BUDDY));
            assertThat(run.stderr()).doesNotContain("WARNING");
        }
        assertThat(cache).doesNotExist();
    }

    @Test
    void byDefaultTheCacheIsAnOwnerOnlyDirectoryInTheUsersCacheDirectory() throws IOException {
        Path xdg = newCacheDir();

        AppRun run = Forked.app(Jdk.current(), "app.simple.Main", TestApps.jar("simple", 17)).agent("store=log")
                .defaultCache().env("XDG_CACHE_HOME", xdg.toString()).run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path cache = xdg.resolve("batchtrack");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
        assertThat(cache.resolve("hmac.key")).exists();
        // the tracked class, and the JDK executor classes that loaded (propagation weaves them as they load)
        List<String> entries = entries(cache).stream().map(e -> new String(readAll(e), StandardCharsets.ISO_8859_1))
                .collect(Collectors.toList());
        assertThat(entries).filteredOn(e -> e.contains("app/simple/Main")).hasSize(1);
        assertThat(entries).hasSizeGreaterThan(1)
                .allMatch(e -> e.contains("app/simple/Main") || e.contains("java/util/concurrent/"));
    }

    private static AppRun shapes(Jdk jdk, Path cache) {
        return Forked.app(jdk, "app.shapes.Main", TestApps.jar("shapes", 17), WeavingIT.generatedJar())
                .agent("store=log,cache.dir=" + cache).jvmOption(classLog()).run();
    }

    private static Forked simple(Path cache) {
        return Forked.app(Jdk.current(), "app.simple.Main", TestApps.jar("simple", 17))
                .agent("store=log,cache.dir=" + cache).jvmOption(classLog());
    }

    /** Relative: the forked JVM runs in its own run directory. */
    private static String classLog() {
        return "-Xlog:class+load=info:file=classes.log";
    }

    private static List<String> loadedClasses(AppRun run) throws IOException {
        return Files.readAllLines(run.directory().resolve("classes.log"));
    }

    /** Each run's type, status, period and metrics: what must not depend on the cache. */
    private static List<String> outcomes(AppRun run) {
        return run.runs().stream().map(r -> r.get("batch_type") + " " + r.get("status") + " " + r.get("season_year")
                + "/" + r.get("week") + " " + r.get("metrics") + " " + r.get("error_type"))
                .sorted().collect(Collectors.toList());
    }

    /** A path where nothing is yet. */
    private static Path newCacheDir() throws IOException {
        Path parent = Files.createDirectories(TestApps.work().resolve("caches"));
        return Files.createTempDirectory(parent, "test").resolve("cache");
    }

    private static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> p.toString().endsWith(".woven")).collect(Collectors.toList());
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
