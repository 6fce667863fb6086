package io.batchtrack.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Where the AspectJ pieces live. A load-time weaver reads every {@code META-INF/aop.xml} its class
 * loader can see, and a jar given to {@code -javaagent} joins the system class path: so the agent jar
 * and the compile-time aspect library must carry none, or a program would have its methods woven twice
 * (two runs per call) as soon as it also used AspectJ for aspects of its own.
 */
class ArtifactLayoutIT {
    private static final List<String> AOP_XML = List.of("META-INF/aop.xml", "META-INF/aop-ajc.xml", "org/aspectj/aop.xml");
    private static final String ASPECT = "io/batchtrack/aspectj/TrackedBatchAspect.class";

    @Test
    void theAgentJarCarriesNoAspectAndNoAopXml() throws IOException {
        assertThat(entries(Layout.agent())).doesNotContainAnyElementsOf(AOP_XML)
                .noneMatch(e -> e.startsWith("io/batchtrack/aspectj/"));
    }

    @Test
    void theCompileTimeAspectLibraryCarriesTheAjcCompiledAspectAndNoAopXml() throws IOException {
        assertThat(entries(Layout.aspect())).contains(ASPECT).doesNotContainAnyElementsOf(AOP_XML)
                .doesNotContain("builddef.lst");
        // ajc adds aspectOf(), which compile-time woven code calls; javac would not
        assertThat(entry(Layout.aspect(), ASPECT)).contains("aspectOf").contains("ajc$perSingletonInstance");
    }

    @Test
    void theLoadTimeWeavingJarIsTheAspectLibraryPlusAnAopXmlDeclaringTheAspect() throws IOException {
        List<String> ltw = entries(Layout.aspectForLoadTimeWeaving());
        assertThat(ltw).contains(ASPECT, "META-INF/aop.xml");
        assertThat(ltw.stream().filter(e -> e.endsWith(".class")).collect(Collectors.toList()))
                .containsExactlyInAnyOrderElementsOf(entries(Layout.aspect()).stream().filter(e -> e.endsWith(".class"))
                        .collect(Collectors.toList()));
        assertThat(entry(Layout.aspectForLoadTimeWeaving(), "META-INF/aop.xml"))
                .contains("<aspect name=\"io.batchtrack.aspectj.TrackedBatchAspect\"/>");
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(e -> e.getName()).collect(Collectors.toList());
        }
    }

    /** An entry's bytes as ISO-8859-1 text, enough to look for names in a class file. */
    private static String entry(Path jar, String name) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return new String(j.getInputStream(j.getEntry(name)).readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
