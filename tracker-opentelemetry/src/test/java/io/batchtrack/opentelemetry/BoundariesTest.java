package io.batchtrack.opentelemetry;

import io.batchtrack.testsupport.Boundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** tracker-opentelemetry uses other modules' internal packages only where tracker-test-support's boundaries.properties allows. */
class BoundariesTest {
    @Test
    void usesOnlyTheInternalPackagesItMayUse() {
        Boundaries.check("tracker-opentelemetry", Path.of("target/classes"));
    }
}
