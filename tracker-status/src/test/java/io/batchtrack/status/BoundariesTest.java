package io.batchtrack.status;

import io.batchtrack.testsupport.Boundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** tracker-status uses other modules' internal packages only where tracker-test-support's boundaries.properties allows. */
class BoundariesTest {
    @Test
    void usesOnlyTheInternalPackagesItMayUse() {
        Boundaries.check("tracker-status", Path.of("target/classes"));
    }
}
