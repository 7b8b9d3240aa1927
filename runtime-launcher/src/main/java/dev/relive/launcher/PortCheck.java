package dev.relive.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether the launch can listen on its HTTP port, looked at before anything starts: Jetty, finding the port taken,
 * only logs it and stops, and the launch would then wait for an HTTP that never comes.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** Why {@code host:port} cannot be listened on, or null when it can (or when the port is 0: any free one). */
    static String problem(String host, int port) {
        if (port == 0) {
            return null;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Jetty does: a port only in TIME_WAIT is free
            socket.bind(new InetSocketAddress(host, port));
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
