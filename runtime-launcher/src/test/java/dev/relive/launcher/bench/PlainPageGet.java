package dev.relive.launcher.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One {@code GET} of a page over a plain socket ({@code Connection: close}), as light on the load generator as
 * {@link PlainWebSocket}: for sessions that each load their page before they mount.
 */
final class PlainPageGet {

    private PlainPageGet() {
    }

    /** The body of {@code uri}'s page; anything but a 200 with a body of {@code Content-Length} is an error. */
    static String body(URI uri) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setTcpNoDelay(true);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.1 200") || end < 0) {
                throw new IOException("GET " + path + ": " + response.lines().findFirst().orElse("no answer"));
            }
            return response.substring(end + 4);
        }
    }
}
