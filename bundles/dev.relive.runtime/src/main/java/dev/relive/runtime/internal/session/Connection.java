package dev.relive.runtime.internal.session;

/** The browser end of a session, as the session sees it. Implementations serialize and bound sends. */
public interface Connection {

    /** Queues one text frame. */
    void send(String frame);

    /** Closes with a WebSocket status code. */
    void close(int status, String reason);
}
