package io.batchtrack.benchmarks;

import io.batchtrack.testsupport.Boundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** benchmarks uses other modules' internal packages only where tracker-test-support's boundaries.properties allows. */
class BoundariesTest {
    @Test
    void usesOnlyTheInternalPackagesItMayUse() {
        Boundaries.check("benchmarks", Path.of("target/classes"));
    }
}
