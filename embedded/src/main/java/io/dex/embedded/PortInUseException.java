package io.dex.embedded;

/**
 * A port dex was asked to listen on is taken by another process. Callers that got the port from a
 * command-line flag add the flag's name to the message.
 */
public class PortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int port;

    /** Port {@code port} on 127.0.0.1 is taken. */
    public PortInUseException(int port, String purpose) {
        super("Port " + port + " on 127.0.0.1 (" + purpose + ") is already in use by another process");
        this.port = port;
    }

    /** The taken port. */
    public int port() {
        return port;
    }
}
