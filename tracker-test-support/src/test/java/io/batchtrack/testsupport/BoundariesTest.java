package io.batchtrack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker itself, on classes compiled here: one module's class that uses another's internal package. */
class BoundariesTest {
    @TempDir
    Path dir;

    @Test
    void aUseTheRulesDoNotAllowIsReportedWithBothPackages() throws IOException {
        Path classes = compiledUserOf("io.batchtrack.internal.store");

        assertThat(Boundaries.violations("tracker-cli", classes))
                .containsExactly("example.user -> io.batchtrack.internal.store");
        assertThatThrownBy(() -> Boundaries.check("tracker-cli", classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("tracker-cli uses internal packages it may not")
                .hasMessageContaining("example.user -> io.batchtrack.internal.store");
    }

    @Test
    void aUseTheRulesAllowPasses() throws IOException {
        Path classes = compiledUserOf("io.batchtrack.internal.context");

        assertThat(Boundaries.violations("tracker-agent", classes)).isEmpty();
        assertThat(Boundaries.violations("tracker-jdbi", classes))
                .containsExactly("example.user -> io.batchtrack.internal.context");
    }

    @Test
    void anInternalPackageTheRulesDoNotListIsClosedToEveryone() throws IOException {
        Path classes = compiledUserOf("io.batchtrack.reports.internal");

        assertThat(Boundaries.violations("tracker-agent", classes)).containsExactly("example.user -> "
                + "io.batchtrack.reports.internal (an internal package boundaries.properties does not list)");
    }

    @Test
    void publicPackagesAreFreeToUse() throws IOException {
        assertThat(Boundaries.violations("examples", compiledUserOf("io.batchtrack.spi"))).isEmpty();
    }

    /** Compiles a class of package {@code target} and one that uses it, and keeps only the user. */
    private Path compiledUserOf(String target) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path used = sources.resolve("Used.java");
        Files.writeString(used, "package " + target + "; public class Used { public static int value() { return 1; } }");
        Path user = sources.resolve("User.java");
        Files.writeString(user, "package example.user; public class User { int read() { return "
                + target + ".Used.value(); } }");
        Path all = Files.createDirectories(dir.resolve("all"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", all.toString(), used.toString(), user.toString())).isZero();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(classes.resolve("example/user"));
        Files.copy(all.resolve("example/user/User.class"), classes.resolve("example/user/User.class"));
        return classes;
    }

    @Test
    void aModuleWithoutCompiledClassesIsNamed() {
        assertThatThrownBy(() -> Boundaries.violations("tracker-cli", dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compile tracker-cli first");
    }
}
