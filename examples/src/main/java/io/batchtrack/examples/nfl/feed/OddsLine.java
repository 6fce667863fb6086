package io.batchtrack.examples.nfl.feed;

import java.math.BigDecimal;

/**
 * A betting line for one game.
 *
 * @param homeSpread the home team's point spread: negative when the home team is favoured
 * @param totalPoints the over/under
 */
public record OddsLine(String gameId, String sportsbook, BigDecimal homeSpread, BigDecimal totalPoints) {}
