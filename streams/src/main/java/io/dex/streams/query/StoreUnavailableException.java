package io.dex.streams.query;

/**
 * A state store cannot be read right now: Streams is starting, rebalancing or restoring, or the
 * instance owning the data does not answer (HTTP 503, worth retrying).
 */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The store cannot be read, for the reason given. */
    public StoreUnavailableException(String message) {
        super(message);
    }

    /** The store cannot be read because of {@code cause}. */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
