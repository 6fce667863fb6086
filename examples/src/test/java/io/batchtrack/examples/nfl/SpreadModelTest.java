package io.batchtrack.examples.nfl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SpreadModelTest {

    @Test
    void theNormalCdfMatchesKnownValues() {
        assertThat(SpreadModel.normalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(SpreadModel.normalCdf(1.959964)).isCloseTo(0.975, within(1e-6));
        assertThat(SpreadModel.normalCdf(-1)).isCloseTo(0.158655, within(1e-6));
    }

    @Test
    void aThreePointHomeFavouriteIsPredictedToWinByThree() {
        SpreadModel.Prediction p = SpreadModel.predict("KC", "BAL", new BigDecimal("-3.0"));

        assertThat(p).isEqualTo(new SpreadModel.Prediction("KC", new BigDecimal("0.586"), new BigDecimal("3.0"), true));
    }

    @Test
    void anAwayFavouriteWins() {
        assertThat(SpreadModel.predict("IND", "HOU", new BigDecimal("3.0")).winner()).isEqualTo("HOU");
    }

    @Test
    void withoutALineOnlyHomeFieldAdvantageCounts() {
        SpreadModel.Prediction p = SpreadModel.predict("PHI", "GB", null);

        assertThat(p).isEqualTo(new SpreadModel.Prediction("PHI", new BigDecimal("0.543"), new BigDecimal("1.5"), false));
    }
}
