package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The api jar that the agent puts on the bootstrap class path: kept across starts in a private
 * directory of the shared temporary directory (or, where that cannot be had safely, extracted for one
 * process), owner-only either way, and compared with a copy the application bundles.
 */
class BootstrapApiIT {
    private static final String MISMATCH = "batchtrack: the application bundles tracker-api ";

    @Test
    void theApiJarIsKeptOwnerOnlyInAPrivateDirectoryAndReusedByTheNextStart() throws IOException {
        Path tmp = Files.createDirectories(TestApps.work().resolve("tmpdir-" + System.nanoTime()));

        AppRun first = tmpfiles(tmp).run();
        Path jar = keptJar(tmp);
        FileTime written = Files.getLastModifiedTime(jar);
        Object inode = Files.readAttributes(jar, BasicFileAttributes.class).fileKey();
        AppRun second = tmpfiles(tmp).run();

        for (AppRun run : List.of(first, second)) {
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.value("job.result")).isEqualTo("tracked");
            // the private directory only: no per-process copy beside it
            assertThat(tmpEntries(run)).as(run.toString()).containsExactly(
                    "tmp.batchtrack-api-" + System.getProperty("user.name") + "=rwx------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jar))).isEqualTo("rw-------");
        assertThat(Files.readAllBytes(jar)).isEqualTo(nestedApiJar());
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(written);
        assertThat(Files.readAttributes(jar, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
    }

    @Test
    void aKeptApiJarThatWasChangedIsNotUsedButWrittenAgain() throws IOException {
        Path tmp = Files.createDirectories(TestApps.work().resolve("tmpdir-" + System.nanoTime()));
        tmpfiles(tmp).run();
        Path jar = keptJar(tmp);
        byte[] original = Files.readAllBytes(jar);
        // same size, one class's bytes changed: the kind of change a check of the size alone would miss
        byte[] tampered = original.clone();
        tampered[tampered.length / 2] ^= 0x5A;
        Files.write(jar, tampered);

        AppRun run = tmpfiles(tmp).run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("job.result")).isEqualTo("tracked");
        assertThat(Files.readAllBytes(jar)).isEqualTo(original);
    }

    @Test
    void aKeptApiJarDirectoryOthersCanWriteToIsNotUsed() throws IOException {
        Path tmp = Files.createDirectories(TestApps.work().resolve("tmpdir-" + System.nanoTime()));
        tmpfiles(tmp).run();
        Path dir = keptJar(tmp).getParent();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

        AppRun run = tmpfiles(tmp).run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("job.result")).isEqualTo("tracked");
        // a copy of this process's own instead, owner-only, gone when it exits
        assertThat(tmpEntries(run)).as(run.toString()).filteredOn(l -> l.endsWith(".jar=rw-------")).hasSize(1);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.filter(p -> p.toString().endsWith(".jar"))).isEmpty();
        }
    }

    private static Forked tmpfiles(Path tmp) {
        return Forked.app(Jdk.current(), "app.tmpfiles.Main", TestApps.jar("tmpfiles", 17)).agent("store=log")
                .sysprop("java.io.tmpdir", tmp.toString());
    }

    private static List<String> tmpEntries(AppRun run) {
        return run.programLines().stream().filter(l -> l.startsWith("tmp.batchtrack-api-")).collect(Collectors.toList());
    }

    /** The one jar in {@code tmp}'s private api directory. */
    private static Path keptJar(Path tmp) throws IOException {
        try (Stream<Path> jars = Files.list(tmp.resolve("batchtrack-api-" + System.getProperty("user.name")))) {
            List<Path> all = jars.collect(Collectors.toList());
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static byte[] nestedApiJar() throws IOException {
        try (JarFile agent = new JarFile(TestApps.agentJar().toFile());
                InputStream in = agent.getInputStream(agent.getJarEntry("META-INF/batchtrack/tracker-api.jar"))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aBundledApiOfAnotherVersionIsNamedWithTheAgentsInOneWarningLine() {
        Path app = TestApps.withBundledApi(TestApps.jar("simple", 17), "0.0.1-other");

        AppRun run = Forked.app(Jdk.current(), "app.simple.Main", app).agent("store=log").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.run("simple_job")).containsEntry("status", "success");
        List<String> lines = run.stderrLines(MISMATCH);
        assertThat(lines).as(run.toString()).hasSize(1);
        assertThat(lines.get(0)).contains("tracker-api 0.0.1-other (file:").contains(app.getFileName().toString() + ")")
                .contains("the agent's tracker-api " + TestApps.apiVersion())
                .contains("NoSuchMethodError");
    }

    @Test
    void aBundledApiOfAnotherVersionIsNamedWhenTheAgentIsOffToo() {
        Path app = TestApps.withBundledApi(TestApps.jar("simple", 17), "0.0.1-other");

        AppRun run = Forked.app(Jdk.current(), "app.simple.Main", app).agent("store=log,enabled=false").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrLines(MISMATCH)).as(run.toString()).hasSize(1);
    }

    @Test
    void aBundledApiOfTheSameVersionOrNoneIsNotReported() {
        Path same = TestApps.withBundledApi(TestApps.jar("simple", 17), TestApps.apiVersion());

        for (Path app : List.of(same, TestApps.jar("simple", 17))) {
            AppRun run = Forked.app(Jdk.current(), "app.simple.Main", app).agent("store=log").run();

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.run("simple_job")).containsEntry("status", "success");
            assertThat(run.stderr()).as(run.toString()).doesNotContain(MISMATCH);
        }
    }
}
