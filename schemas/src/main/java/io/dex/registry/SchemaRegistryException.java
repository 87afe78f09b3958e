package io.dex.registry;

/**
 * The schema registry refused a request or could not be reached. The message names what was
 * asked (subject, id or URL) and why it failed.
 */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** HTTP status of the refusal, or 0 when the registry could not be reached. */
    private final int status;

    /** A refusal with HTTP {@code status} (0 when no answer came). */
    public SchemaRegistryException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** A failure caused by {@code cause}, typically an I/O error reaching the registry. */
    public SchemaRegistryException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status of the refusal, or 0 when the registry could not be reached. */
    public int status() {
        return status;
    }

    /** Whether the registry did not answer or failed itself (no answer, or a 5xx): worth asking again, unlike a refusal. */
    public boolean unavailable() {
        return status == 0 || status >= 500;
    }
}
