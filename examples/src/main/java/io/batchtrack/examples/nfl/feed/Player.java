package io.batchtrack.examples.nfl.feed;

/** A player as the roster feed lists him. */
public record Player(String playerId, String fullName, String teamId, String position) {}
