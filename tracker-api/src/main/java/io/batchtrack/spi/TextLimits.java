package io.batchtrack.spi;

/**
 * The lengths of the text a run carries, in characters: what the engine guarantees of every record
 * it hands a {@link RunStore}, and what a store cuts a record to that did not come through the
 * engine. One set, used by the engine's checks and by the stores alike, so that the two never
 * disagree. Text over a limit is cut and marked {@code "… [truncated, N chars in all]"}; the mark
 * comes on top of the limit, and cutting text again to the same limit leaves it as it is.
 */
public final class TextLimits {
    /** A warning's stage: longer stages are refused by {@code Tracker.warn}. */
    public static final int STAGE = 100;
    /**
     * A warning's message as a store keeps it at most. The engine cuts messages to
     * {@code max-message-length} (2,000 characters unless configured).
     */
    public static final int WARNING_MESSAGE = 100_000;
    /** The message of the exception a run failed with. */
    public static final int ERROR_MESSAGE = 2_000;
    /** The excerpt of the stack of the exception a run failed with (the first frames of each cause). */
    public static final int ERROR_STACK = 4_000;
    /** Text that is short unless something is wrong: an exception's class name, the host, a metric's name. */
    public static final int SHORT_TEXT = 500;

    private TextLimits() {}
}
