package io.batchtrack;

/**
 * Thrown when tracking keeps a batch from starting: under the fail-fast policy
 * ({@code on-store-failure=fail}) when the run could not be recorded, and as
 * {@link RunConflictException} when an exclusive run is already running. Under the default policy
 * other tracking failures are logged, never thrown.
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
