package io.batchtrack.spi;

/**
 * Thrown by a {@link RunStore} when it cannot reach its database (refused or broken connection, a
 * timeout waiting for one, a server shutting down), as opposed to a record the database rejects.
 * The lifecycle keeps such records in its local spool and hands them to the store again once it
 * answers. The message never contains a secret.
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
