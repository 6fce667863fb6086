package io.batchtrack.spring.batch;

import io.batchtrack.testsupport.Boundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** tracker-spring-batch uses other modules' internal packages only where boundaries.properties allows. */
class BoundariesTest {
    @Test
    void usesOnlyTheInternalPackagesItMayUse() {
        Boundaries.check("tracker-spring-batch", Path.of("target/classes"));
    }
}
