package io.batchtrack.examples.nfl;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The example's prediction model, small on purpose: the home margin is the market's spread (or
 * home-field advantage when there is no line), and the final margin is taken as normally
 * distributed around it with a standard deviation of 13.86 points (Stern, 1991).
 */
final class SpreadModel {
    static final String VERSION = "spread-v1";
    static final BigDecimal HOME_FIELD_POINTS = new BigDecimal("1.5");
    private static final double MARGIN_SD = 13.86;

    /** @param usedOdds whether the prediction had a betting line to go on */
    record Prediction(String winner, BigDecimal homeWinProbability, BigDecimal homeMargin, boolean usedOdds) {}

    private SpreadModel() {}

    /** @param homeSpread the home team's spread (negative when favoured), or null when there is no line */
    static Prediction predict(String homeTeam, String awayTeam, BigDecimal homeSpread) {
        BigDecimal margin = (homeSpread == null ? HOME_FIELD_POINTS : homeSpread.negate()).setScale(1, RoundingMode.HALF_UP);
        double p = normalCdf(margin.doubleValue() / MARGIN_SD);
        BigDecimal probability = BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_UP);
        return new Prediction(margin.signum() >= 0 ? homeTeam : awayTeam, probability, margin, homeSpread != null);
    }

    /** Φ(x) through Abramowitz and Stegun's 7.1.26 approximation of erf (error below 1.5e-7). */
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-z * z);
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
