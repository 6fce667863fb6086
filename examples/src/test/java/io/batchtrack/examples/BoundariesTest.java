package io.batchtrack.examples;

import io.batchtrack.testsupport.Boundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** examples uses other modules' internal packages only where tracker-test-support's boundaries.properties allows. */
class BoundariesTest {
    @Test
    void usesOnlyTheInternalPackagesItMayUse() {
        Boundaries.check("examples", Path.of("target/classes"));
    }
}
