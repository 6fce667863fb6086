package io.batchtrack.examples.nfl.feed;

/** A team; {@code teamId} is the usual abbreviation ({@code KC}, {@code SF}). */
public record Team(String teamId, String name, String conference, String division) {}
