package io.dex.embedded;

/** A child process could not be started, died, or did not become ready; the message quotes its log. */
public class ChildProcessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public ChildProcessException(String message) {
        super(message);
    }

    /** A failure caused by {@code cause}. */
    public ChildProcessException(String message, Throwable cause) {
        super(message, cause);
    }
}
