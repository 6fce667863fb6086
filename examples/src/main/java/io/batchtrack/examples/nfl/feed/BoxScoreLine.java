package io.batchtrack.examples.nfl.feed;

/** One player's line in one game's box score. */
public record BoxScoreLine(String gameId, String playerId, String teamId, int passingYards, int rushingYards,
        int receivingYards, int touchdowns) {}
