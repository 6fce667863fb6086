package io.batchtrack.spi;

/**
 * Why a run failed or was skipped.
 *
 * @param type the exception's class name; {@code abandoned} for a run whose process died,
 *     {@code conflict} for an exclusive run that was skipped
 * @param message the exception's message, cleaned and truncated; may be null
 * @param stackExcerpt the first frames of the stack and its causes, bounded in length
 */
public record RunFailure(String type, String message, String stackExcerpt) {}
