package io.batchtrack.examples.spring;

import io.batchtrack.testsupport.Boundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Spring example uses no internal package of batchtrack: only what an application may use. */
class BoundariesTest {
    @Test
    void usesOnlyTheInternalPackagesItMayUse() {
        Boundaries.check("examples-spring", Path.of("target/classes"));
    }
}
