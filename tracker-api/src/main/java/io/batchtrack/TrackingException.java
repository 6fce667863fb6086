package io.batchtrack;

/**
 * Thrown only under the fail-fast policy ({@code on-store-failure=fail}) when the run could
 * not be recorded; under the default policy tracking failures are logged, never thrown.
 */
public class TrackingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrackingException(String message, Throwable cause) {
        super(message, cause);
    }

    public TrackingException(String message) {
        super(message);
    }
}
