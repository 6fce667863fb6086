package io.batchtrack.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link TrackingConformance} for each front door, and the rows of all four compared. The scenario
 * program runs once per front door (a JVM each, started when a test first needs it), every front door
 * recording into a schema of its own in one database of this class.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontDoorConformanceIT {
    private final Map<FrontDoor, ScenarioRun> runs = new EnumMap<>(FrontDoor.class);
    private PostgresDatabase db;

    @BeforeAll
    void database(PostgresDatabase database) {
        this.db = database;
    }

    synchronized ScenarioRun run(FrontDoor door) {
        return runs.computeIfAbsent(door, d -> {
            ScenarioRun r = ScenarioRun.fork(d, db);
            System.out.println(d + ": scenario program ran in " + r.millis() + " ms");
            return r;
        });
    }

    @Nested
    @DisplayName("BatchTracker, programmatic")
    class Programmatic extends TrackingConformance {
        @Override
        ScenarioRun scenarioRun() {
            return run(FrontDoor.PROGRAMMATIC);
        }
    }

    @Nested
    @DisplayName("-javaagent:tracker-agent.jar (Byte Buddy)")
    class Agent extends TrackingConformance {
        @Override
        ScenarioRun scenarioRun() {
            return run(FrontDoor.AGENT);
        }
    }

    @Nested
    @DisplayName("AspectJ, compile-time weaving (ajc + tracker-aspectj)")
    class AspectjCompileTime extends TrackingConformance {
        @Override
        ScenarioRun scenarioRun() {
            return run(FrontDoor.ASPECTJ_COMPILE_TIME);
        }
    }

    @Nested
    @DisplayName("AspectJ, load-time weaving (-javaagent:aspectjweaver.jar + tracker-aspectj:ltw)")
    class AspectjLoadTime extends TrackingConformance {
        @Override
        ScenarioRun scenarioRun() {
            return run(FrontDoor.ASPECTJ_LOAD_TIME);
        }
    }

    @Nested
    @DisplayName("every front door, compared")
    class EveryFrontDoor {

        @Test
        void everyFrontDoorObservesWhatTheProgrammaticTrackerObserves() {
            ScenarioRun reference = run(FrontDoor.PROGRAMMATIC);
            for (FrontDoor door : List.of(FrontDoor.AGENT, FrontDoor.ASPECTJ_COMPILE_TIME, FrontDoor.ASPECTJ_LOAD_TIME)) {
                assertThat(run(door).observations()).as(door.toString())
                        .containsExactlyElementsOf(reference.observations());
            }
        }

        @Test
        void everyFrontDoorWritesTheSameRowsColumnByColumnIdsAndTimesAside() {
            Rows reference = run(FrontDoor.PROGRAMMATIC).rows();
            assertThat(reference.runColumns()).as("columns left out of the comparison must exist")
                    .containsAll(Rows.IDS_AND_TIMES);
            assertThat(reference.comparableRuns()).hasSize(16);
            Map<String, Map<String, String>> expected = byBatchType(reference.comparableRuns());

            for (FrontDoor door : List.of(FrontDoor.AGENT, FrontDoor.ASPECTJ_COMPILE_TIME, FrontDoor.ASPECTJ_LOAD_TIME)) {
                Map<String, Map<String, String>> actual = byBatchType(run(door).rows().comparableRuns());
                assertThat(actual.keySet()).as(door + ": batch types").containsExactlyElementsOf(expected.keySet());
                for (String type : expected.keySet()) {
                    // column by column, so that a difference names its column
                    assertThat(actual.get(type)).as(door + ": run of " + type).containsExactlyEntriesOf(expected.get(type));
                }
            }
        }

        @Test
        void everyFrontDoorRefreshesTheSameReadinessRows() {
            List<Map<String, String>> expected = run(FrontDoor.PROGRAMMATIC).rows().comparableReadiness();
            assertThat(expected).hasSize(10);
            for (FrontDoor door : List.of(FrontDoor.AGENT, FrontDoor.ASPECTJ_COMPILE_TIME, FrontDoor.ASPECTJ_LOAD_TIME)) {
                assertThat(run(door).rows().comparableReadiness()).as(door.toString()).containsExactlyElementsOf(expected);
            }
        }

        private Map<String, Map<String, String>> byBatchType(List<Map<String, String>> rows) {
            return rows.stream().collect(Collectors.toMap(r -> r.get("batch_type"), Function.identity(),
                    (a, b) -> {
                        throw new AssertionError("two runs of " + a.get("batch_type"));
                    }, java.util.TreeMap::new));
        }
    }
}
