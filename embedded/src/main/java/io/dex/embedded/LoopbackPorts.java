package io.dex.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on the loopback interface, where every embedded server listens. */
public final class LoopbackPorts {

    /** The loopback address every embedded server binds to. */
    public static final String HOST = "127.0.0.1";

    private LoopbackPorts() {
    }

    /** A port that is free right now (another process may still take it before it is bound). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /** {@code port} itself, or a {@link #free()} one when it is 0. */
    public static int resolve(int port) {
        return port == 0 ? free() : port;
    }

    /**
     * Fails with a {@link PortInUseException} when {@code port} cannot be bound on 127.0.0.1.
     *
     * @param purpose what the port is for, for the message ("schema registry HTTP")
     */
    public static void requireFree(int port, String purpose) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            throw new PortInUseException(port, purpose);
        }
    }
}
