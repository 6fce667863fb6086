package io.batchtrack.spring.boot;

import io.batchtrack.testsupport.Boundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** tracker-spring-boot-starter uses other modules' internal packages only where boundaries.properties allows. */
class BoundariesTest {
    @Test
    void usesOnlyTheInternalPackagesItMayUse() {
        Boundaries.check("tracker-spring-boot-starter", Path.of("target/classes"));
    }
}
