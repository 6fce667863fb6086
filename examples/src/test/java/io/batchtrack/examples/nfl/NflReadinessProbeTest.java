package io.batchtrack.examples.nfl;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import io.batchtrack.examples.nfl.db.NflReadinessProbe;
import io.batchtrack.examples.nfl.feed.SampleFeed;
import io.batchtrack.spi.Readiness;
import java.util.Set;
import io.batchtrack.testsupport.PostgresDatabase;
import io.batchtrack.testsupport.PostgresExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class NflReadinessProbeTest {
    final Period week1 = Period.regular(2024, 1);
    NflReadinessProbe probe;
    NflPipeline pipeline;

    @BeforeEach
    void freshDatabase(PostgresDatabase pg) throws Exception {
        TestDatabase db = TestDatabase.withNflTables(pg);
        probe = new NflReadinessProbe(db.source());
        pipeline = new NflPipeline(db.source(), new SampleFeed(), Set.of());
    }

    @Test
    void anUnsyncedWeekIsNotReady() throws Exception {
        assertThat(probe.probe(week1)).isEqualTo(new Readiness(week1, false, false, 0, 0));
    }

    @Test
    void aSyncedWeekHasItsScheduleAndAfterPredictionsItsPredictions() throws Exception {
        pipeline.weeklyUpdate("schedule_only", 2024, 1, SeasonType.REG);
        Readiness scheduled = probe.probe(week1);
        pipeline.generatePredictions(2024, 1, SeasonType.REG);

        assertThat(scheduled).isEqualTo(new Readiness(week1, true, false, 16, 0));
        assertThat(probe.probe(week1)).isEqualTo(new Readiness(week1, true, true, 16, 16));
        assertThat(probe.probe(Period.regular(2024, 2)).gamesCount()).isZero();
    }
}
