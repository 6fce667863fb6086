package io.batchtrack.agent;

import io.batchtrack.testsupport.Boundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** tracker-agent uses other modules' internal packages only where tracker-test-support's boundaries.properties allows. */
class BoundariesTest {
    @Test
    void usesOnlyTheInternalPackagesItMayUse() {
        Boundaries.check("tracker-agent", Path.of("target/classes"));
    }
}
