package io.batchtrack.spi;

/**
 * Why a run failed.
 *
 * @param type the exception's class name, or {@code abandoned} for a run whose process died
 * @param message the exception's message, cleaned and truncated; may be null
 * @param stackExcerpt the first frames of the stack and its causes, bounded in length
 */
public record RunFailure(String type, String message, String stackExcerpt) {}
